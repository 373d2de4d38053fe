package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoProvider;

class CbcTest {

    private static final HexFormat HEX = HexFormat.of();

    /** NIST SP 800-38A F.2.1 CBC-AES128.Encrypt, all four blocks. */
    @Test
    void matchesNistSp80038aCbcAes128Vectors() {
        byte[] key = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] iv = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] plaintext = HEX.parseHex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        byte[] ciphertext = HEX.parseHex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                + "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7");
        byte[] data = plaintext.clone();
        Cbc.encrypt(CryptoProvider.defaultProvider().aes(key, true), iv, data, 0, data.length);
        assertArrayEquals(ciphertext, data);
        Cbc.decrypt(CryptoProvider.defaultProvider().aes(key, false), iv, data, 0, data.length);
        assertArrayEquals(plaintext, data);
    }

    @Test
    void pkcs7AddsOneToSixteenBytesOfTheirCountAndUnpaddingUndoesIt() {
        for (int length = 0; length <= 33; length++) {
            byte[] padded = Cbc.pad(new byte[length], 16);
            assertEquals(0, padded.length % 16);
            int padding = padded.length - length;
            assertEquals(padding, padded[padded.length - 1]);
            assertEquals(length, Cbc.unpaddedLength(padded, 16));
        }
    }

    @Test
    void malformedPaddingIsMinusOne() {
        byte[] padded = Cbc.pad(new byte[5], 16);
        padded[padded.length - 2] ^= 1;
        assertEquals(-1, Cbc.unpaddedLength(padded, 16));
        byte[] zero = new byte[16];
        assertEquals(-1, Cbc.unpaddedLength(zero, 16));
        byte[] seventeen = new byte[16];
        seventeen[15] = 17;
        assertEquals(-1, Cbc.unpaddedLength(seventeen, 16));
        assertEquals(-1, Cbc.unpaddedLength(new byte[15], 16));
        assertEquals(-1, Cbc.unpaddedLength(new byte[0], 16));
    }
}
