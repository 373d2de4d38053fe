package org.layeredtls.crypto;

/** A running message digest (MD5, SHA-1, SHA-256, SHA-384). Not thread-safe. */
public interface Hash {

    HashAlgorithm algorithm();

    void update(byte input);

    void update(byte[] input, int offset, int length);

    default void update(byte[] input) {
        update(input, 0, input.length);
    }

    /** Writes the digest at {@code out[offset]}, resets, and returns the digest length. */
    int doFinal(byte[] out, int offset);

    /** The digest of everything fed so far; resets. */
    default byte[] doFinal() {
        byte[] out = new byte[algorithm().digestLength()];
        doFinal(out, 0);
        return out;
    }

    void reset();

    /** An independent copy of the running state (the handshake's transcript hash needs it). */
    Hash copy();
}
