package org.layeredtls.record;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One direction of an in-memory wire: what one record layer writes, the other reads, in order.
 * The bytes in flight can be looked at ({@link #inFlight()}) and changed ({@link #flipBit}) as an
 * attacker on the path could. Reading never blocks: an empty pipe reads as the end of the stream,
 * so {@link RecordLayer#readRecord()} returns {@code null} when no record is waiting (one thread
 * writes, then reads). Thread-safe.
 */
public final class InMemoryPipe {

    private byte[] bytes = new byte[256];
    private int start;
    private int end;

    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            append(data, offset, length);
        }
    };

    private final InputStream in = new InputStream() {
        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return take(buffer, offset, length);
        }

        @Override
        public int available() {
            return size();
        }
    };

    /** The writing end: give it to the sending record layer. */
    public OutputStream outputStream() {
        return out;
    }

    /** The reading end: give it to the receiving record layer. */
    public InputStream inputStream() {
        return in;
    }

    /** How many bytes are written and not yet read. */
    public synchronized int size() {
        return end - start;
    }

    /** A copy of the bytes written and not yet read: headers and protected fragments, as on the wire. */
    public synchronized byte[] inFlight() {
        return Arrays.copyOfRange(bytes, start, end);
    }

    /**
     * Flips bit {@code bit} (0 to 7) of the byte at {@code index} of {@link #inFlight()}: tampering on the path.
     *
     * @throws IndexOutOfBoundsException if no such byte is in flight
     */
    public synchronized void flipBit(int index, int bit) {
        if (index < 0 || index >= size() || bit < 0 || bit > 7) {
            throw new IndexOutOfBoundsException("byte " + index + " bit " + bit + ": " + size() + " bytes are in flight");
        }
        bytes[start + index] ^= (byte) (1 << bit);
    }

    /** Drops every byte in flight, as a lost segment. */
    public synchronized void clear() {
        start = 0;
        end = 0;
    }

    private synchronized void append(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        if (end + length > bytes.length) {
            int live = end - start;
            byte[] grown = live + length > bytes.length ? new byte[Math.max(bytes.length * 2, live + length)] : bytes;
            System.arraycopy(bytes, start, grown, 0, live);
            bytes = grown;
            start = 0;
            end = live;
        }
        System.arraycopy(data, offset, bytes, end, length);
        end += length;
    }

    private synchronized int take(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (start == end) {
            return -1;
        }
        int n = Math.min(length, end - start);
        System.arraycopy(bytes, start, buffer, offset, n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return n;
    }
}
