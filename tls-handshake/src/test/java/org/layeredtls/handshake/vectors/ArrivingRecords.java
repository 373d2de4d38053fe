package org.layeredtls.handshake.vectors;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.layeredtls.handshake.research.RecordStream;

/**
 * One direction of a recorded connection as its chunks arrive: each chunk gives the records it completes, and the
 * bytes of a record not yet whole wait for the next chunk (TCP's boundaries are not TLS's).
 */
final class ArrivingRecords {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** The records {@code chunk} completes, in order. */
    List<RecordStream.Raw> add(byte[] chunk) {
        pending.writeBytes(chunk);
        byte[] buffered = pending.toByteArray();
        List<RecordStream.Raw> records = RecordStream.records(buffered);
        int consumed = records.isEmpty() ? 0 : records.get(records.size() - 1).end();
        pending.reset();
        pending.write(buffered, consumed, buffered.length - consumed);
        return records;
    }
}
