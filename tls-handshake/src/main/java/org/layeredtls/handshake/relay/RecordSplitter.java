package org.layeredtls.handshake.relay;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.layeredtls.record.RecordFraming;
import org.layeredtls.record.RecordLimits;

/**
 * Cuts one direction's byte stream into whole records, whatever TCP's segmentation: RFC 5246
 * §6.2.1, the 5-byte header says how long the fragment after it is ({@link RecordFraming}).
 * A header the record layer would refuse comes out as a 5-byte "record" of its own, so the peer
 * sees it and answers with its alert.
 */
final class RecordSplitter {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Adds the bytes just read; returns the records they complete, each header included. */
    List<byte[]> add(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
        byte[] buffered = pending.toByteArray();
        List<byte[]> records = new ArrayList<>();
        int at = 0;
        while (true) {
            int recordLength = RecordFraming.recordLength(buffered, at, buffered.length - at, false,
                    RecordLimits.MAX_PLAINTEXT_LENGTH);
            if (recordLength == RecordFraming.UNKNOWN || at + recordLength > buffered.length) {
                break;
            }
            records.add(Arrays.copyOfRange(buffered, at, at + recordLength));
            at += recordLength;
        }
        pending.reset();
        pending.write(buffered, at, buffered.length - at);
        return records;
    }

    /** How many bytes of an unfinished record are waiting (a stream that ends here was cut mid-record). */
    int buffered() {
        return pending.size();
    }
}
