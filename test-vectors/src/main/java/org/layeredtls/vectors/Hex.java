package org.layeredtls.vectors;

/** Lower-case hex, strictly: an even number of digits 0-9 a-f. */
final class Hex {

    private Hex() {
    }

    static byte[] decode(String hex, VectorFileParser where) {
        if (hex.length() % 2 != 0) {
            throw where.error("odd number of hex digits");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex.charAt(2 * i), where) << 4 | digit(hex.charAt(2 * i + 1), where));
        }
        return out;
    }

    private static int digit(char c, VectorFileParser where) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw where.error("not a lower-case hex digit: '" + c + "'");
    }
}
