package org.layeredtls.crypto;

/**
 * A raw block cipher (AES, 3DES-EDE) keyed once, in one direction: the record layer builds CBC on
 * top of it, so the chaining rules of SSL 3.0/TLS 1.0 (implicit IV) and TLS 1.1+ (explicit IV)
 * stay visible in the record code.
 */
public interface BlockCipher {

    int blockSize();

    /** Encrypts or decrypts (as keyed) one block from {@code in[inOff]} to {@code out[outOff]}. */
    void processBlock(byte[] in, int inOff, byte[] out, int outOff);
}
