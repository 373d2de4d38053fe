package org.layeredtls.crypto;

/**
 * A raw block cipher (AES, 3DES-EDE) keyed once, in one direction. The record layer decides which
 * IV each record starts from, so the chaining rules of SSL 3.0/TLS 1.0 (implicit IV) and TLS 1.1+
 * (explicit IV) stay visible in the record code; CBC itself is written out here, on top of
 * {@link #processBlock}, and a backend with a faster CBC of its own (the JDK's, on AES-NI)
 * overrides the two CBC methods.
 */
public interface BlockCipher {

    int blockSize();

    /** Encrypts or decrypts (as keyed) one block from {@code in[inOff]} to {@code out[outOff]}. */
    void processBlock(byte[] in, int inOff, byte[] out, int outOff);

    /**
     * CBC encryption in place of {@code buf[off..off+length)}, a whole number of blocks (NIST SP
     * 800-38A §6.2): each plaintext block is XORed with the previous ciphertext block, the first
     * with {@code iv[ivOff..ivOff+blockSize)}. Only for a cipher keyed to encrypt.
     */
    default void encryptCbc(byte[] iv, int ivOff, byte[] buf, int off, int length) {
        int blockSize = blockSize();
        byte[] previous = iv;
        int previousOff = ivOff;
        for (int p = off; p < off + length; p += blockSize) {
            for (int i = 0; i < blockSize; i++) {
                buf[p + i] ^= previous[previousOff + i];
            }
            processBlock(buf, p, buf, p);
            previous = buf;
            previousOff = p;
        }
    }

    /**
     * CBC decryption of {@code in[inOff..inOff+length)}, a whole number of blocks, into
     * {@code out[outOff..]}, which must not overlap the input (NIST SP 800-38A §6.2). Only for a
     * cipher keyed to decrypt.
     */
    default void decryptCbc(byte[] iv, int ivOff, byte[] in, int inOff, int length, byte[] out, int outOff) {
        int blockSize = blockSize();
        byte[] previous = iv;
        int previousOff = ivOff;
        for (int p = 0; p < length; p += blockSize) {
            processBlock(in, inOff + p, out, outOff + p);
            for (int i = 0; i < blockSize; i++) {
                out[outOff + p + i] ^= previous[previousOff + i];
            }
            previous = in;
            previousOff = inOff + p;
        }
    }
}
