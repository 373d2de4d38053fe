package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the crypto seam to published known-answer vectors, so the record layer's own tests rest on
 * primitives known to be right: RFC 2202 (HMAC-MD5, HMAC-SHA1), RFC 4231 (HMAC-SHA-256/384),
 * FIPS-197 (AES), SP 800-67 (3DES), RFC 6229 (RC4), the GCM specification (McGrew and Viega,
 * test case 4) and RFC 8439 §2.8.2 (ChaCha20-Poly1305).
 */
class CryptoKnownAnswerTest {

    @Nested
    class OnBouncyCastle extends Vectors {
        OnBouncyCastle() {
            super(CryptoBackend.BOUNCY_CASTLE);
        }
    }

    @Nested
    class OnJdk extends Vectors {
        OnJdk() {
            super(CryptoBackend.JDK);
        }
    }

    /** The vectors, run once per backend behind the seam. */
    abstract static class Vectors {

        private final CryptoProvider crypto;

        Vectors(CryptoBackend backend) {
            this.crypto = backend.provider();
        }

        private static final String LARGE_KEY_DATA = "Test Using Larger Than Block-Size Key - Hash Key First";

        private static byte[] hex(String s) {
            return HexFormat.of().parseHex(s);
        }

        private static byte[] repeat(int b, int n) {
            byte[] out = new byte[n];
            Arrays.fill(out, (byte) b);
            return out;
        }

        private byte[] hmac(HashAlgorithm algorithm, byte[] key, String data) {
            Mac mac = crypto.hmac(algorithm, key);
            byte[] in = data.getBytes(StandardCharsets.US_ASCII);
            mac.update(in, 0, in.length);
            byte[] out = new byte[mac.macLength()];
            assertEquals(out.length, mac.doFinal(out, 0));
            return out;
        }

        @ParameterizedTest(name = "{0} test case {1}")
        @CsvSource({
            // RFC 2202 §2 and §3: test cases 1, 2 and 6
            "MD5,  1, 9294727a3638bb1c13f48ef8158bfc9d",
            "MD5,  2, 750c783e6ab0b503eaa86e310a5db738",
            "MD5,  6, 6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
            "SHA1, 1, b617318655057264e28bc0b6fb378c8ef146be00",
            "SHA1, 2, effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
            "SHA1, 6, aa4ae5e15272d00e95705637ce8a3b55ed402112",
            // RFC 4231 §4.2, §4.3 and §4.7
            "SHA256, 1, b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            "SHA256, 2, 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "SHA256, 6, 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            "SHA384, 1, afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
            "SHA384, 2, af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
            "SHA384, 6, 4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
        })
        void hmacMatchesRfcVectors(HashAlgorithm algorithm, int testCase, String expected) {
            byte[] key;
            String data;
            boolean rfc2202 = algorithm == HashAlgorithm.MD5 || algorithm == HashAlgorithm.SHA1;
            switch (testCase) {
                case 1 -> {
                    key = repeat(0x0b, algorithm == HashAlgorithm.MD5 ? 16 : 20);
                    data = "Hi There";
                }
                case 2 -> {
                    key = "Jefe".getBytes(StandardCharsets.US_ASCII);
                    data = "what do ya want for nothing?";
                }
                default -> {
                    key = repeat(0xaa, rfc2202 ? 80 : 131);
                    data = LARGE_KEY_DATA;
                }
            }
            assertArrayEquals(hex(expected), hmac(algorithm, key, data));
        }

        @Test
        void hmacResetsAfterDoFinalAndKeepsItsKey() {
            Mac mac = crypto.hmac(HashAlgorithm.SHA1, "Jefe".getBytes(StandardCharsets.US_ASCII));
            mac.update(new byte[] {1, 2, 3}, 0, 3);
            mac.reset(); // forget the junk
            byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[20];
            for (int round = 0; round < 2; round++) {
                mac.update(data, 0, data.length);
                mac.doFinal(out, 0);
                assertArrayEquals(hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"), out);
            }
        }

        @ParameterizedTest
        @CsvSource({
            "MD5,    900150983cd24fb0d6963f7d28e17f72",
            "SHA1,   a9993e364706816aba3e25717850c26c9cd0d89d",
            "SHA256, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "SHA384, cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
        })
        void hashOfAbcMatchesFipsVectors(HashAlgorithm algorithm, String expected) {
            Hash hash = crypto.hash(algorithm);
            hash.update("abc".getBytes(StandardCharsets.US_ASCII));
            Hash copy = hash.copy();
            assertArrayEquals(hex(expected), hash.doFinal());
            assertArrayEquals(hex(expected), copy.doFinal(), "a copy carries the running state");
        }

        @Test
        void aesMatchesFips197AppendixC() {
            byte[] plaintext = hex("00112233445566778899aabbccddeeff");
            assertBlock(crypto.aes(hex("000102030405060708090a0b0c0d0e0f"), true),
                    crypto.aes(hex("000102030405060708090a0b0c0d0e0f"), false),
                    plaintext, hex("69c4e0d86a7b0430d8cdb78070b4c55a"));
            byte[] key256 = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
            assertBlock(crypto.aes(key256, true), crypto.aes(key256, false),
                    plaintext, hex("8ea2b7ca516745bfeafc49904b496089"));
        }

        @Test
        void tripleDesMatchesSp80067Example() {
            byte[] key = hex("0123456789abcdef23456789abcdef01456789abcdef0123");
            assertBlock(crypto.tripleDes(key, true), crypto.tripleDes(key, false),
                    "The qufck brown ".getBytes(StandardCharsets.US_ASCII), hex("a826fd8ce53b855fcce21c8112256fe6"));
        }

        private static void assertBlock(BlockCipher encrypt, BlockCipher decrypt, byte[] plaintext, byte[] ciphertext) {
            byte[] out = new byte[plaintext.length];
            for (int i = 0; i < plaintext.length; i += encrypt.blockSize()) {
                encrypt.processBlock(plaintext, i, out, i);
            }
            assertArrayEquals(ciphertext, out);
            byte[] back = new byte[plaintext.length];
            for (int i = 0; i < plaintext.length; i += decrypt.blockSize()) {
                decrypt.processBlock(out, i, back, i);
            }
            assertArrayEquals(plaintext, back);
        }

        @Test
        void aesCbcMatchesSp80038aF21InPlaceAndOutOfPlace() {
            byte[] key = hex("2b7e151628aed2a6abf7158809cf4f3c");
            byte[] iv = hex("000102030405060708090a0b0c0d0e0f");
            byte[] plaintext = hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                    + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
            byte[] ciphertext = hex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                    + "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7");
            // the IV in front of the data in the same array, as a TLS 1.1+ record carries it
            byte[] record = new byte[3 + 16 + 64];
            System.arraycopy(iv, 0, record, 3, 16);
            System.arraycopy(plaintext, 0, record, 19, 64);
            crypto.aes(key, true).encryptCbc(record, 3, record, 19, 64);
            assertArrayEquals(ciphertext, Arrays.copyOfRange(record, 19, 83));
            byte[] back = new byte[5 + 64];
            crypto.aes(key, false).decryptCbc(record, 3, record, 19, 64, back, 5);
            assertArrayEquals(plaintext, Arrays.copyOfRange(back, 5, 69));
        }

        @Test
        void rc4KeyStreamMatchesRfc6229AndContinuesAcrossCalls() {
            StreamCipher rc4 = crypto.rc4(hex("0102030405060708090a0b0c0d0e0f10"));
            byte[] out = new byte[32];
            rc4.process(new byte[32], 0, 5, out, 0); // split calls: the key stream must run on
            rc4.process(new byte[32], 5, 27, out, 5);
            assertArrayEquals(hex("9ac7cc9a609d1ef7b2932899cde41b975248c4959014126a6e8a84f11d1a9e1c"), out);
        }

        @Test
        void aesGcmMatchesGcmSpecTestCase4AndRejectsAFlippedTag() {
            byte[] key = hex("feffe9928665731c6d6a8f9467308308");
            byte[] iv = hex("cafebabefacedbaddecaf888");
            byte[] aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
            byte[] plaintext = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                    + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
            byte[] expected = hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                    + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
                    + "5bc94fbc3221a5db94fae95ae7121a47");
            assertAead(crypto.aesGcm(key), crypto.aesGcm(key), iv, aad, plaintext, expected);
        }

        @Test
        void chaCha20Poly1305MatchesRfc8439Section282() {
            byte[] key = new byte[32];
            for (int i = 0; i < 32; i++) {
                key[i] = (byte) (0x80 + i);
            }
            byte[] nonce = hex("070000004041424344454647");
            byte[] aad = hex("50515253c0c1c2c3c4c5c6c7");
            byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
                    + "the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
            byte[] expected = hex("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                    + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                    + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                    + "3ff4def08e4b7a9de576d26586cec64b6116"
                    + "1ae10b594f09e26a7e902ecbd0600691");
            assertAead(crypto.chaCha20Poly1305(key), crypto.chaCha20Poly1305(key), nonce, aad, plaintext, expected);
        }

        private static void assertAead(Aead sealer, Aead opener, byte[] nonce, byte[] aad, byte[] plaintext,
                                       byte[] expected) {
            byte[] sealed = new byte[plaintext.length + sealer.tagLength()];
            assertEquals(sealed.length, sealer.seal(nonce, aad, 0, aad.length, plaintext, 0, plaintext.length, sealed, 0));
            assertArrayEquals(expected, sealed);
            byte[] opened = new byte[plaintext.length];
            assertEquals(plaintext.length, opener.open(nonce, aad, 0, aad.length, sealed, 0, sealed.length, opened, 0));
            assertArrayEquals(plaintext, opened);
            // a second open with the same key schedule still works, and a flipped tag bit is refused
            sealed[sealed.length - 1] ^= 1;
            assertEquals(-1, opener.open(nonce, aad, 0, aad.length, sealed, 0, sealed.length, opened, 0));
            sealed[sealed.length - 1] ^= 1;
            assertEquals(plaintext.length, opener.open(nonce, aad, 0, aad.length, sealed, 0, sealed.length, opened, 0));
            assertArrayEquals(plaintext, opened);
        }
    }
}
