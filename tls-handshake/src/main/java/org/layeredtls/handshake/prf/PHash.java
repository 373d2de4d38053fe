package org.layeredtls.handshake.prf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;

/**
 * The data expansion function P_hash (RFC 2246 §5, RFC 5246 §5):
 * <pre>
 *   P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) +
 *                          HMAC_hash(secret, A(2) + seed) + ...
 *   A(0) = seed,  A(i) = HMAC_hash(secret, A(i-1))
 * </pre>
 * iterated as often as needed and cut to the length asked for.
 */
final class PHash {

    private PHash() {
    }

    /** The first {@code length} bytes of P_hash(secret, seed). */
    static byte[] expand(CryptoProvider crypto, HashAlgorithm hash, byte[] secret, byte[] seed, int length) {
        checkLength(length);
        Mac hmac = crypto.hmac(hash, secret);
        int blockLength = hmac.macLength();
        byte[] out = new byte[length];
        byte[] a = new byte[blockLength];
        byte[] block = new byte[blockLength];
        try {
            // A(1) = HMAC_hash(secret, A(0)) with A(0) = seed
            hmac.update(seed, 0, seed.length);
            hmac.doFinal(a, 0);
            for (int offset = 0; offset < length; offset += blockLength) {
                // the next output block: HMAC_hash(secret, A(i) + seed)
                hmac.update(a, 0, a.length);
                hmac.update(seed, 0, seed.length);
                hmac.doFinal(block, 0);
                System.arraycopy(block, 0, out, offset, Math.min(blockLength, length - offset));
                // A(i+1) = HMAC_hash(secret, A(i))
                hmac.update(a, 0, a.length);
                hmac.doFinal(a, 0);
            }
            return out;
        } finally {
            Arrays.fill(a, (byte) 0);
            Arrays.fill(block, (byte) 0);
        }
    }

    /** RFC 5246 §5: the PRF runs over {@code label + seed}; labels are ASCII without a length or a NUL. */
    static byte[] labelAndSeed(String label, byte[] seed) {
        for (int i = 0; i < label.length(); i++) {
            if (label.charAt(i) > 0x7F) {
                throw new IllegalArgumentException("a PRF label is ASCII");
            }
        }
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(labelBytes, labelBytes.length + seed.length);
        System.arraycopy(seed, 0, out, labelBytes.length, seed.length);
        return out;
    }

    static void checkLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a PRF output length cannot be negative: " + length);
        }
    }
}
