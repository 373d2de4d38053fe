package org.layeredtls.handshake.engine;

import java.io.EOFException;
import java.io.InputStream;

import org.layeredtls.record.RecordFraming;
import org.layeredtls.record.RecordLimits;

/**
 * The bytes a {@link TlsEngine} has been offered and not yet handed to the record layer: a growing
 * buffer in front, an {@link InputStream} to the record layer behind. The engine asks
 * {@link #nextRecordLength} before each record, so the record layer only ever reads bytes that are
 * here. The array exists only while bytes wait: an idle engine holds none.
 */
final class InboundBuffer extends InputStream {

    private static final int FIRST_CAPACITY = 256;

    private byte[] bytes; // null while empty
    private int start;
    private int end;

    /** Appends what the transport delivered. */
    void append(byte[] input, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (bytes == null) {
            bytes = new byte[Math.max(FIRST_CAPACITY, length)];
        } else if (end + length > bytes.length) {
            int buffered = end - start;
            byte[] larger = buffered + length > bytes.length
                    ? new byte[Math.max(bytes.length * 2, buffered + length)] : bytes;
            System.arraycopy(bytes, start, larger, 0, buffered);
            bytes = larger;
            start = 0;
            end = buffered;
        }
        System.arraycopy(input, offset, bytes, end, length);
        end += length;
    }

    /** The bytes waiting. */
    int buffered() {
        return end - start;
    }

    /** The wire length of the next record, or {@link RecordFraming#UNKNOWN} while its header is incomplete. */
    int nextRecordLength(boolean sslv2ClientHelloAllowed, int receiveFragmentLimit) {
        if (bytes == null) {
            return RecordFraming.UNKNOWN;
        }
        return RecordFraming.recordLength(bytes, start, end - start, sslv2ClientHelloAllowed, receiveFragmentLimit);
    }

    /** How many more bytes complete the next record: the rest of its header while that is incomplete. */
    int bytesNeeded(boolean sslv2ClientHelloAllowed, int receiveFragmentLimit) {
        int record = nextRecordLength(sslv2ClientHelloAllowed, receiveFragmentLimit);
        return record == RecordFraming.UNKNOWN ? RecordLimits.HEADER_LENGTH - buffered() : Math.max(0, record - buffered());
    }

    /** What to say when the stream ends with these bytes waiting: the part of a record they are. */
    EOFException endedInsideARecord(boolean sslv2ClientHelloAllowed, int receiveFragmentLimit) {
        int buffered = buffered();
        if (buffered < RecordLimits.HEADER_LENGTH) {
            return new EOFException("record layer: the stream ended inside a record (" + buffered + " of "
                    + RecordLimits.HEADER_LENGTH + " header bytes)");
        }
        int record = nextRecordLength(sslv2ClientHelloAllowed, receiveFragmentLimit);
        return new EOFException("record layer: the stream ended inside a record (" + (buffered - RecordLimits.HEADER_LENGTH)
                + " of " + (record - RecordLimits.HEADER_LENGTH) + " fragment bytes)");
    }

    /** Drops what waits (the connection is over, or the peer has closed its direction). */
    void clear() {
        bytes = null;
        start = 0;
        end = 0;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (buffered() < length) {
            // TlsEngine checks that a whole record is here before the record layer reads it.
            throw new IllegalStateException("engine: the record layer read " + length + " bytes, " + buffered() + " are buffered");
        }
        System.arraycopy(bytes, start, buffer, offset, length);
        start += length;
        if (start == end) {
            clear();
        }
        return length;
    }

    @Override
    public int available() {
        return buffered();
    }
}
