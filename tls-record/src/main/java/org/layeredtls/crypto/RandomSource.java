package org.layeredtls.crypto;

/**
 * Where the stack's randomness comes from (client and server randoms, explicit IVs, keys).
 * A deterministic source can be injected so that tests and recorded reference vectors are
 * reproducible.
 */
public interface RandomSource {

    void nextBytes(byte[] out, int offset, int length);

    default void nextBytes(byte[] out) {
        nextBytes(out, 0, out.length);
    }

    default byte[] nextBytes(int length) {
        byte[] out = new byte[length];
        nextBytes(out, 0, length);
        return out;
    }
}
