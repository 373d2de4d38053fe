package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allocation-free AEADs ({@link AesGcm}, {@link ChaCha20Poly1305Aead}) against published
 * vectors: the GCM specification's test cases (McGrew and Viega; the same as NIST's), a NIST CAVS
 * AAD-only vector, and RFC 8439 Appendix A.5; and the rule that a refused {@code open} writes
 * nothing.
 */
class AeadKnownAnswerTest {

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

        private static byte[] hex(String s) {
            return HexFormat.of().parseHex(s);
        }

        @ParameterizedTest(name = "{0}")
        @CsvFileSource(resources = "aes-gcm-known-answers.csv", delimiter = '|')
        void aesGcmMatchesNistVectors(String name, String key, String iv, String plaintext, String aad, String expected) {
            byte[] k = hex(key);
            assertSealsAndOpens(crypto.aesGcm(k), crypto.aesGcm(k), hex(iv), hex(nullToEmpty(aad)),
                    hex(nullToEmpty(plaintext)), hex(expected));
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }

        @Test
        void chaCha20Poly1305OpensRfc8439AppendixA5() {
            byte[] key = hex("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0");
            byte[] nonce = hex("000000000102030405060708");
            byte[] aad = hex("f33388860000000000004e91");
            byte[] sealed = hex("64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb2"
                    + "4c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf"
                    + "332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c855"
                    + "9797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4"
                    + "b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523e"
                    + "af4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a"
                    + "0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a10"
                    + "49e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29"
                    + "a6ad5cb4022b02709b"
                    + "eead9d67890cbb22392336fea1851f38");
            byte[] plaintext = ("Internet-Drafts are draft documents valid for a maximum of six months and may be "
                    + "updated, replaced, or obsoleted by other documents at any time. It is inappropriate to use "
                    + "Internet-Drafts as reference material or to cite them other than as /\u201cwork in progress./\u201d")
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(265, plaintext.length);
            assertSealsAndOpens(crypto.chaCha20Poly1305(key), crypto.chaCha20Poly1305(key), nonce, aad, plaintext, sealed);
        }

        @ParameterizedTest(name = "{0}: flipped byte {1} of the sealed record")
        @CsvSource({"GCM, 0", "GCM, 30", "GCM, 59", "GCM, 60", "GCM, 75",
                    "CHACHA, 0", "CHACHA, 30", "CHACHA, 59", "CHACHA, 60", "CHACHA, 75"})
        void openWithABadTagWritesNothing(String cipher, int flipped) {
            Function<byte[], Aead> make = cipher.equals("GCM") ? crypto::aesGcm : crypto::chaCha20Poly1305;
            byte[] key = new byte[cipher.equals("GCM") ? 16 : 32];
            Arrays.fill(key, (byte) 7);
            byte[] nonce = hex("0102030405060708090a0b0c");
            byte[] aad = hex("0000000000000001170303003c");
            byte[] plaintext = new byte[60];
            Arrays.fill(plaintext, (byte) 'p');
            byte[] sealed = new byte[76];
            make.apply(key).seal(nonce, aad, 0, aad.length, plaintext, 0, 60, sealed, 0);
            sealed[flipped] ^= 0x01;
            byte[] out = new byte[60];
            Arrays.fill(out, (byte) 0x5A);
            assertEquals(-1, make.apply(key).open(nonce, aad, 0, aad.length, sealed, 0, sealed.length, out, 0));
            byte[] untouched = new byte[60];
            Arrays.fill(untouched, (byte) 0x5A);
            assertArrayEquals(untouched, out, "a refused record leaves the output buffer as it was");
        }

        @Test
        void openOfLessThanATagIsRefused() {
            byte[] out = new byte[16];
            assertEquals(-1, crypto.aesGcm(new byte[16]).open(new byte[12], new byte[0], 0, 0, new byte[15], 0, 15, out, 0));
            assertEquals(-1, crypto.chaCha20Poly1305(new byte[32]).open(new byte[12], new byte[0], 0, 0, new byte[15], 0, 15, out, 0));
        }

        @Test
        void sealingTwiceWithTheSameNonceIsRefused() {
            for (Aead aead : new Aead[] {crypto.aesGcm(new byte[16]), crypto.chaCha20Poly1305(new byte[32])}) {
                byte[] out = new byte[32];
                aead.seal(new byte[12], new byte[0], 0, 0, new byte[4], 0, 4, out, 0);
                assertThrows(IllegalArgumentException.class,
                        () -> aead.seal(new byte[12], new byte[0], 0, 0, new byte[4], 0, 4, out, 0));
            }
        }

        /** Seals (in its own buffer, then shifted in place as the record layer may), opens, refuses a flipped tag. */
        private static void assertSealsAndOpens(Aead sealer, Aead opener, byte[] nonce, byte[] aad, byte[] plaintext,
                                                byte[] expected) {
            byte[] sealed = new byte[plaintext.length + 16];
            assertEquals(sealed.length, sealer.seal(nonce, aad, 0, aad.length, plaintext, 0, plaintext.length, sealed, 0));
            assertArrayEquals(expected, sealed);

            byte[] opened = new byte[plaintext.length];
            assertEquals(plaintext.length, opener.open(nonce, aad, 0, aad.length, sealed, 0, sealed.length, opened, 0));
            assertArrayEquals(plaintext, opened);

            // opened in place, with the plaintext written 8 bytes before the ciphertext (a shifted overlap)
            byte[] buffer = new byte[8 + sealed.length];
            System.arraycopy(sealed, 0, buffer, 8, sealed.length);
            assertEquals(plaintext.length, opener.open(nonce, aad, 0, aad.length, buffer, 8, sealed.length, buffer, 0));
            assertArrayEquals(plaintext, Arrays.copyOf(buffer, plaintext.length));

            sealed[sealed.length - 1] ^= 1;
            assertEquals(-1, opener.open(nonce, aad, 0, aad.length, sealed, 0, sealed.length, opened, 0));
        }
    }
}
