package org.layeredtls.handshake.prf;

/** The two 32-byte hello randoms (RFC 5246 §7.4.1.2), checked and joined in the order a formula asks for. */
final class HelloRandoms {

    static final int RANDOM_LENGTH = 32;

    private HelloRandoms() {
    }

    /** {@code first + second}, each checked to be a 32-byte Random. */
    static byte[] join(byte[] first, byte[] second) {
        check(first);
        check(second);
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    static void check(byte[] random) {
        if (random.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("a hello random is 32 bytes, not " + random.length);
        }
    }
}
