package org.layeredtls.handshake.session;

import org.layeredtls.crypto.BlockCipher;

/**
 * Cipher block chaining over a raw block cipher, and PKCS#7 padding, for session tickets (RFC 5077 §4
 * recommends AES-128-CBC). The record layer has its own CBC with TLS padding; this one is the plain
 * textbook mode (NIST SP 800-38A §6.2) with PKCS#7 padding (RFC 5652 §6.3).
 */
final class Cbc {

    private Cbc() {
    }

    /** PKCS#7: append n bytes of value n, 1 <= n <= block size, to reach a whole number of blocks. */
    static byte[] pad(byte[] plaintext, int blockSize) {
        int padding = blockSize - plaintext.length % blockSize;
        byte[] padded = new byte[plaintext.length + padding];
        System.arraycopy(plaintext, 0, padded, 0, plaintext.length);
        for (int i = plaintext.length; i < padded.length; i++) {
            padded[i] = (byte) padding;
        }
        return padded;
    }

    /**
     * The length of the plaintext under PKCS#7 padding, or -1 when the padding is malformed. Only ever
     * called after the ticket's HMAC has been verified, so no padding oracle can come of it.
     */
    static int unpaddedLength(byte[] padded, int blockSize) {
        if (padded.length == 0 || padded.length % blockSize != 0) {
            return -1;
        }
        int padding = padded[padded.length - 1] & 0xFF;
        if (padding < 1 || padding > blockSize) {
            return -1;
        }
        for (int i = padded.length - padding; i < padded.length; i++) {
            if ((padded[i] & 0xFF) != padding) {
                return -1;
            }
        }
        return padded.length - padding;
    }

    /** Encrypts {@code data} (whole blocks) in place: C_i = E_K(P_i xor C_{i-1}), with C_0 = IV. */
    static void encrypt(BlockCipher cipher, byte[] iv, byte[] data, int offset, int length) {
        int size = cipher.blockSize();
        byte[] previous = iv.clone();
        for (int block = offset; block < offset + length; block += size) {
            for (int i = 0; i < size; i++) {
                data[block + i] ^= previous[i];          // P_i xor C_{i-1}
            }
            cipher.processBlock(data, block, data, block); // E_K(...)
            System.arraycopy(data, block, previous, 0, size);
        }
    }

    /** Decrypts {@code data} (whole blocks) in place: P_i = D_K(C_i) xor C_{i-1}, with C_0 = IV. */
    static void decrypt(BlockCipher cipher, byte[] iv, byte[] data, int offset, int length) {
        int size = cipher.blockSize();
        byte[] previous = iv.clone();
        byte[] current = new byte[size];
        for (int block = offset; block < offset + length; block += size) {
            System.arraycopy(data, block, current, 0, size); // keep C_i: decryption overwrites it
            cipher.processBlock(data, block, data, block);  // D_K(C_i)
            for (int i = 0; i < size; i++) {
                data[block + i] ^= previous[i];             // xor C_{i-1}
            }
            byte[] swap = previous;
            previous = current;
            current = swap;
        }
    }
}
