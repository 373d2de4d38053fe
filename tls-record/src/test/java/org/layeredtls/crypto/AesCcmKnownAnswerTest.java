package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * AES-CCM behind the seam, on both backends (the JDK backend lends BouncyCastle's: SunJCE has no CCM):
 * NIST SP 800-38C Appendix C, Example 3 (12-byte nonce, 8-byte tag: CCM_8's shape), the same input
 * with a 16-byte tag as OpenSSL computes it (through pyca/cryptography's AESCCM), and the rules every
 * AEAD here follows: a refused open gives nothing, a sealing nonce is never reused.
 */
class AesCcmKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("404142434445464748494a4b4c4d4e4f");
    private static final byte[] NONCE = HEX.parseHex("101112131415161718191a1b");
    private static final byte[] AAD = HEX.parseHex("000102030405060708090a0b0c0d0e0f10111213");
    private static final byte[] PLAINTEXT = HEX.parseHex("202122232425262728292a2b2c2d2e2f3031323334353637");
    /** SP 800-38C C.3: ciphertext, then the 8-byte tag. */
    private static final byte[] SEALED_TAG_8 = HEX.parseHex(
            "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5" + "484392fbc1b09951");
    /** The same with a 16-byte tag: the ciphertext is the same (CTR), the tag is not. */
    private static final byte[] SEALED_TAG_16 = HEX.parseHex(
            "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5" + "c87ae488918de93f17dd3e4934347f44");

    private static byte[] seal(Aead aead) {
        byte[] out = new byte[PLAINTEXT.length + aead.tagLength()];
        assertEquals(out.length, aead.seal(NONCE, AAD, 0, AAD.length, PLAINTEXT, 0, PLAINTEXT.length, out, 0));
        return out;
    }

    private static byte[] open(Aead aead, byte[] sealed) {
        byte[] out = new byte[sealed.length];
        int length = aead.open(NONCE, AAD, 0, AAD.length, sealed, 0, sealed.length, out, 0);
        return length < 0 ? null : Arrays.copyOf(out, length);
    }

    /** SP 800-38C C.3 as given (8-byte tag), and with a 16-byte tag: the same ciphertext (CTR), another tag. */
    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void sealsAndOpensSp80038cExample3WithAnEightAndASixteenByteTag(CryptoBackend backend) {
        for (byte[] expected : new byte[][] {SEALED_TAG_8, SEALED_TAG_16}) {
            int tagLength = expected.length - PLAINTEXT.length;
            Aead ccm = backend.provider().aesCcm(KEY, tagLength);
            assertEquals(tagLength, ccm.tagLength());
            assertArrayEquals(expected, seal(ccm), tagLength + "-byte tag");
            assertArrayEquals(PLAINTEXT, open(ccm, expected), tagLength + "-byte tag");
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void aRefusedOpenLeavesNoPlaintextBehind(CryptoBackend backend) {
        Aead ccm = backend.provider().aesCcm(KEY, 16);
        for (int i = 0; i < SEALED_TAG_16.length; i++) {
            byte[] tampered = SEALED_TAG_16.clone();
            tampered[i] ^= 0x01;
            byte[] out = new byte[tampered.length];
            assertEquals(-1, ccm.open(NONCE, AAD, 0, AAD.length, tampered, 0, tampered.length, out, 0), "byte " + i);
            assertArrayEquals(new byte[tampered.length], out, "nothing of the plaintext is left, byte " + i);
        }
        assertEquals(-1, ccm.open(NONCE, AAD, 0, AAD.length, new byte[15], 0, 15, new byte[15], 0), "shorter than a tag");
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void refusesToSealTwiceUnderOneNonceAndTagsOtherThanSixteenOrEight(CryptoBackend backend) {
        Aead ccm = backend.provider().aesCcm(KEY, 8);
        seal(ccm);
        assertThrows(IllegalArgumentException.class, () -> seal(ccm));
        assertThrows(IllegalArgumentException.class, () -> backend.provider().aesCcm(KEY, 12));
        assertThrows(IllegalArgumentException.class, () -> backend.provider().aesCcm(new byte[32], 16));
    }
}
