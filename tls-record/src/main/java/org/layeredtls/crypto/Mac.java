package org.layeredtls.crypto;

/** A keyed MAC (HMAC), keyed once when created. Not thread-safe. */
public interface Mac {

    /** The MAC length in bytes. */
    int macLength();

    /** The hash underneath. */
    HashAlgorithm hashAlgorithm();

    void update(byte input);

    void update(byte[] input, int offset, int length);

    /** Writes the MAC at {@code out[offset]}, resets for the next message, returns the MAC length. */
    int doFinal(byte[] out, int offset);

    /** Forgets any input fed since the last {@code doFinal}; keeps the key. */
    void reset();
}
