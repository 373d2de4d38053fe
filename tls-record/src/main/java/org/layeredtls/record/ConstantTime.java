package org.layeredtls.record;

/**
 * Branch-free integer helpers for the checks whose outcome must not show in their timing (the
 * CBC padding and the position of the MAC behind it, RFC 5246 §6.2.3.2 and Lucky 13).
 *
 * <p>A "mask" is an {@code int} that is either {@code 0} (false) or {@code -1} (all bits set, true),
 * so it can be combined with {@code &}, {@code |} and {@code ~} instead of {@code if}. The
 * comparisons are only valid for non-negative operands below 2^30, which record lengths are.
 */
final class ConstantTime {

    private ConstantTime() {
    }

    /** -1 if {@code a == b}, else 0 (for any ints). */
    static int eq(int a, int b) {
        int x = a ^ b;
        return ~((x | -x) >> 31);
    }

    /** -1 if {@code a >= b}, else 0 (for 0 <= a, b < 2^30). */
    static int ge(int a, int b) {
        return ~((a - b) >> 31);
    }

    /** -1 if {@code a < b}, else 0 (for 0 <= a, b < 2^30). */
    static int lt(int a, int b) {
        return (a - b) >> 31;
    }

    /** {@code a} if {@code mask} is -1, {@code b} if it is 0. */
    static int select(int mask, int a, int b) {
        return (a & mask) | (b & ~mask);
    }

    /**
     * Copies {@code macLength} bytes that start at the secret index {@code macStart} of
     * {@code data} into {@code out[0..macLength)}, reading the same public window
     * {@code data[scanStart..scanEnd)} whatever {@code macStart} is (OpenSSL's
     * {@code ssl3_cbc_copy_mac}): the bytes are first gathered rotated, then rotated back in
     * log2(macLength) steps, each a masked select between "rotate by 2^bit" and "keep", so no memory
     * access and no branch depends on the secret.
     *
     * @param rotated scratch of at least {@code macLength} bytes
     */
    static void copyMac(byte[] data, int scanStart, int scanEnd, int macStart, int macLength,
                        byte[] rotated, byte[] out) {
        copyMacAndCheckPadding(data, scanStart, scanEnd, macStart, macLength, scanEnd, 0, rotated, out);
    }

    /**
     * {@link #copyMac}, and in the same pass over the window the CBC padding check: returns the OR
     * of {@code data[p] ^ paddingByte} over the positions {@code firstPadding <= p < scanEnd}
     * (0 when all equal {@code paddingByte}); {@code firstPadding} may be secret, it only sets a mask.
     */
    static int copyMacAndCheckPadding(byte[] data, int scanStart, int scanEnd, int macStart, int macLength,
                                      int firstPadding, int paddingByte, byte[] rotated, byte[] out) {
        for (int k = 0; k < macLength; k++) {
            rotated[k] = 0;
        }
        int paddingDifference = 0;
        int j = 0;
        for (int i = scanStart; i < scanEnd; i++) {
            int b = data[i];
            int d = i - macStart;
            int inMac = ((d - macLength) & ~d) >> 31; // -1 iff 0 <= d < macLength
            rotated[j] |= (byte) (b & inMac);
            paddingDifference |= ((b & 0xFF) ^ paddingByte) & ~((i - firstPadding) >> 31);
            j++;
            if (j == macLength) { // depends on the public index i only
                j = 0;
            }
        }
        // where the MAC's first byte landed: (macStart - scanStart) mod macLength, by a public
        // number of masked subtractions (no division, whose timing may depend on its operands)
        int rotateOffset = macStart - scanStart;
        for (int bound = scanEnd - scanStart; bound >= macLength; bound -= macLength) {
            rotateOffset -= macLength & ge(rotateOffset, macLength);
        }
        // out[k] = rotated[(k + rotateOffset) mod macLength], one bit of rotateOffset at a time
        byte[] from = rotated;
        byte[] to = out;
        for (int bit = 0; (1 << bit) < macLength; bit++) {
            int shift = 1 << bit;
            int take = -((rotateOffset >>> bit) & 1);
            for (int k = 0; k < macLength; k++) {
                int source = k + shift;
                if (source >= macLength) { // public: k and shift only
                    source -= macLength;
                }
                to[k] = (byte) ((from[source] & take) | (from[k] & ~take));
            }
            byte[] swap = from;
            from = to;
            to = swap;
        }
        if (from != out) {
            System.arraycopy(from, 0, out, 0, macLength);
        }
        return paddingDifference;
    }
}
