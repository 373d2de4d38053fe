package org.layeredtls.handshake.vectors;

import java.io.ByteArrayOutputStream;

import org.layeredtls.crypto.RandomSource;

/**
 * A random source that gives first exactly the bytes an RFC 8448 trace says one side drew (its random, then its
 * x25519 private key), in order, and then what {@code then} gives (null: nothing more, a further draw is an error):
 * a side that draws anything else first, or in another order, cannot reproduce the trace.
 */
final class Rfc8448Randomness implements RandomSource {

    private final RandomSource then;
    private final byte[] bytes;
    private int next;

    Rfc8448Randomness(RandomSource then, byte[]... draws) {
        this.then = then;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] draw : draws) {
            all.writeBytes(draw);
        }
        this.bytes = all.toByteArray();
    }

    @Override
    public void nextBytes(byte[] out, int offset, int length) {
        if (next == bytes.length && then != null) {
            then.nextBytes(out, offset, length);
            return;
        }
        if (next + length > bytes.length) {
            throw new IllegalStateException("RFC 8448 gives " + bytes.length + " random bytes; asked for "
                    + (next + length));
        }
        System.arraycopy(bytes, next, out, offset, length);
        next += length;
    }

    /** Whether every byte the trace gives was drawn. */
    boolean exhausted() {
        return next == bytes.length;
    }
}
