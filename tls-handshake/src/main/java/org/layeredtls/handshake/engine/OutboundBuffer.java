package org.layeredtls.handshake.engine;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The records a {@link TlsEngine} has made and the caller has not yet taken: the record layer
 * writes into it, the caller reads out of it ({@link TlsEngine#readOutput}). It grows when first
 * needed and is dropped once emptied: an idle engine holds no output buffer. One thread may write
 * records while another takes them.
 */
final class OutboundBuffer extends OutputStream {

    private static final int FIRST_CAPACITY = 256;

    private byte[] bytes; // null while empty
    private int start;
    private int end;

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] record, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (bytes == null) {
            bytes = new byte[Math.max(FIRST_CAPACITY, length)];
        } else if (end + length > bytes.length) {
            int pending = end - start;
            byte[] larger = pending + length > bytes.length
                    ? new byte[Math.max(bytes.length * 2, pending + length)] : bytes;
            System.arraycopy(bytes, start, larger, 0, pending);
            bytes = larger;
            start = 0;
            end = pending;
        }
        System.arraycopy(record, offset, bytes, end, length);
        end += length;
    }

    /** Bytes waiting to be sent. */
    synchronized int pending() {
        return end - start;
    }

    /** Takes up to {@code length} waiting bytes; returns how many. */
    synchronized int read(byte[] buffer, int offset, int length) {
        int n = Math.min(length, end - start);
        if (n > 0) {
            System.arraycopy(bytes, start, buffer, offset, n);
            start += n;
            if (start == end) {
                bytes = null;
                start = 0;
                end = 0;
            }
        }
        return n;
    }

    /** Takes every waiting byte. */
    synchronized byte[] readAll() {
        if (bytes == null) {
            return new byte[0];
        }
        byte[] all = Arrays.copyOfRange(bytes, start, end);
        bytes = null;
        start = 0;
        end = 0;
        return all;
    }
}
