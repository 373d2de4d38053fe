package org.layeredtls.jsse;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;

import org.layeredtls.handshake.engine.TlsEngine;

/**
 * The {@code ByteBuffer[] buffers, int offset, int length} of {@code SSLEngine.wrap} and {@code unwrap} as one
 * sequence of bytes: what remains in all of them, the next bytes gathered into an array, bytes scattered over them.
 */
final class BufferSequence {

    private final ByteBuffer[] buffers;
    private final int offset;
    private final int length;

    /** JSSE's checks: an {@link IndexOutOfBoundsException} for a bad range, an {@link IllegalArgumentException} for a null buffer. */
    BufferSequence(ByteBuffer[] buffers, int offset, int length, boolean writable) {
        if (buffers == null) {
            throw new IllegalArgumentException("the buffer array is null");
        }
        Objects.checkFromIndexSize(offset, length, buffers.length);
        for (int i = offset; i < offset + length; i++) {
            if (buffers[i] == null) {
                throw new IllegalArgumentException("buffer " + i + " is null");
            }
            if (writable && buffers[i].isReadOnly()) {
                throw new ReadOnlyBufferException();
            }
        }
        this.buffers = buffers;
        this.offset = offset;
        this.length = length;
    }

    /** The bytes remaining in all the buffers. */
    long remaining() {
        long remaining = 0;
        for (int i = offset; i < offset + length; i++) {
            remaining += buffers[i].remaining();
        }
        return remaining;
    }

    /** Takes the next {@code count} bytes (at most {@link #remaining()}) out of the buffers. */
    byte[] take(int count) {
        byte[] taken = new byte[count];
        int at = 0;
        for (int i = offset; i < offset + length && at < count; i++) {
            int n = Math.min(count - at, buffers[i].remaining());
            buffers[i].get(taken, at, n);
            at += n;
        }
        return taken;
    }

    /** Fills the buffers with the application data {@code engine} has received; returns how many bytes. */
    int fill(TlsEngine engine) {
        int filled = 0;
        for (int i = offset; i < offset + length && engine.availableApplicationData() > 0; i++) {
            ByteBuffer buffer = buffers[i];
            int n;
            if (buffer.hasArray()) {
                n = engine.readApplicationData(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.position() + Math.max(n, 0));
            } else {
                byte[] chunk = new byte[Math.min(buffer.remaining(), engine.availableApplicationData())];
                n = engine.readApplicationData(chunk, 0, chunk.length);
                buffer.put(chunk, 0, Math.max(n, 0));
            }
            filled += Math.max(n, 0);
        }
        return filled;
    }

    /** The next {@code count} bytes of {@code source}, left where they are. */
    static byte[] peek(ByteBuffer source, int count) {
        byte[] bytes = new byte[count];
        source.duplicate().get(bytes);
        return bytes;
    }

    /** JSSE's checks on a destination: not null, not read-only. */
    static void requireWritable(ByteBuffer destination) {
        if (destination == null) {
            throw new IllegalArgumentException("the destination buffer is null");
        }
        if (destination.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
    }
}
