package org.layeredtls.crypto;

/**
 * An authenticated cipher with associated data (AES-GCM, ChaCha20-Poly1305), keyed once.
 * The nonce is given per call; the caller guarantees it never repeats for one key.
 */
public interface Aead {

    /** The length of the authentication tag appended by {@link #seal}. */
    int tagLength();

    /** The nonce length this cipher takes (12 bytes for both TLS AEADs). */
    int nonceLength();

    /**
     * Encrypts {@code in[inOff..inOff+length)} to {@code out[outOff..]} and appends the tag.
     *
     * @return the number of bytes written: {@code length + tagLength()}
     */
    int seal(byte[] nonce, byte[] aad, int aadOff, int aadLength,
             byte[] in, int inOff, int length, byte[] out, int outOff);

    /**
     * Checks the tag at the end of {@code in[inOff..inOff+length)} and decrypts the rest.
     *
     * @return the plaintext length, or {@code -1} when the tag does not match (nothing usable is
     *         written then)
     */
    int open(byte[] nonce, byte[] aad, int aadOff, int aadLength,
             byte[] in, int inOff, int length, byte[] out, int outOff);
}
