package org.layeredtls.jsse;

import java.nio.ByteBuffer;

import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.record.RecordLimits;

/**
 * The records a {@link TlsEngine} has made and {@code SSLEngine.wrap} has not yet handed out. {@code wrap} hands
 * out whole records only (RFC 5246 §6.2.1: each begins with a 5-byte header that says how long it is), as many
 * as the caller's buffer holds; one that does not fit waits for the next call (BUFFER_OVERFLOW when not even
 * the first one fits). The array exists only while records wait: an idle engine holds none.
 */
final class OutgoingRecords {

    private byte[] records; // null while none wait
    private int start;

    /** Takes whatever the engine has made. */
    void takeFrom(TlsEngine engine) {
        if (engine == null || engine.pendingOutput() == 0) {
            return;
        }
        byte[] made = engine.readOutput();
        if (records == null) {
            records = made;
            start = 0;
            return;
        }
        byte[] joined = new byte[records.length - start + made.length];
        System.arraycopy(records, start, joined, 0, records.length - start);
        System.arraycopy(made, 0, joined, records.length - start, made.length);
        records = joined;
        start = 0;
    }

    boolean isEmpty() {
        return records == null;
    }

    /** The length on the wire of the next waiting record (header included). */
    int nextRecordLength() {
        int length = (records[start + 3] & 0xFF) << 8 | records[start + 4] & 0xFF;
        return RecordLimits.HEADER_LENGTH + length;
    }

    /** Moves as many whole records as fit into {@code destination}; returns how many bytes. */
    int moveTo(ByteBuffer destination) {
        int moved = 0;
        while (records != null && nextRecordLength() <= destination.remaining()) {
            int length = nextRecordLength();
            destination.put(records, start, length);
            start += length;
            moved += length;
            if (start == records.length) {
                records = null;
                start = 0;
            }
        }
        return moved;
    }
}
