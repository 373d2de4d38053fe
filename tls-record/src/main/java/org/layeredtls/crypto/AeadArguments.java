package org.layeredtls.crypto;

import java.util.Arrays;

/**
 * The argument rules both of our AEADs share: a 12-byte nonce, an output buffer with room, and
 * never the same nonce twice in a row for sealing (a repeated nonce reveals the key stream and, for
 * GCM, the authentication key). One instance per AEAD object; not thread-safe.
 */
final class AeadArguments {

    static final int NONCE = 12;
    static final int TAG = 16;

    private final String name;
    private final int tagLength;
    private final byte[] lastSealNonce = new byte[NONCE];
    private boolean sealedOnce;

    AeadArguments(String name) {
        this(name, TAG);
    }

    /** For an AEAD whose tag is not 16 bytes (AES-CCM-8's is 8). */
    AeadArguments(String name, int tagLength) {
        this.name = name;
        this.tagLength = tagLength;
    }

    /** Checks a seal call and remembers its nonce. */
    void checkSeal(byte[] nonce, int length, byte[] out, int outOff) {
        checkNonce(nonce);
        if (sealedOnce && Arrays.equals(nonce, lastSealNonce)) {
            throw new IllegalArgumentException("a " + name + " nonce must never be reused for encryption");
        }
        System.arraycopy(nonce, 0, lastSealNonce, 0, NONCE);
        sealedOnce = true;
        if (length < 0 || out.length - outOff < length + tagLength) {
            throw new IllegalArgumentException("the output buffer is too short");
        }
    }

    /**
     * Checks an open call.
     *
     * @return the plaintext length, or -1 when the input is too short to hold a tag
     */
    int checkOpen(byte[] nonce, int length, byte[] out, int outOff) {
        checkNonce(nonce);
        int plaintextLength = length - tagLength;
        if (plaintextLength < 0) {
            return -1;
        }
        if (out.length - outOff < plaintextLength) {
            throw new IllegalArgumentException("the output buffer is too short");
        }
        return plaintextLength;
    }

    private void checkNonce(byte[] nonce) {
        if (nonce.length != NONCE) {
            throw new IllegalArgumentException("a " + name + " nonce is 12 bytes here, not " + nonce.length);
        }
    }
}
