package org.layeredtls.handshake.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** However TCP cuts a stream of records, the splitter gives back the same records, whole and in order. */
class RecordSplitterProperties {

    @Property(tries = 200)
    void anyChunkingOfAStreamOfRecordsGivesBackTheSameRecords(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 300) Integer> fragmentLengths,
            @ForAll @IntRange(min = 1, max = 700) int chunk) {
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int type = 20;
        for (int length : fragmentLengths) {
            byte[] record = new byte[5 + length];
            record[0] = (byte) (20 + type++ % 4); // change_cipher_spec, alert, handshake, application_data
            record[1] = 3;
            record[2] = 3;
            record[3] = (byte) (length >>> 8);
            record[4] = (byte) length;
            for (int i = 5; i < record.length; i++) {
                record[i] = (byte) (i * 31 + length);
            }
            records.add(record);
            stream.writeBytes(record);
        }
        byte[] bytes = stream.toByteArray();
        RecordSplitter splitter = new RecordSplitter();
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += chunk) {
            out.addAll(splitter.add(bytes, at, Math.min(chunk, bytes.length - at)));
        }
        assertEquals(records.size(), out.size());
        for (int i = 0; i < records.size(); i++) {
            assertArrayEquals(records.get(i), out.get(i));
        }
        assertEquals(0, splitter.buffered());
    }

    @Property(tries = 50)
    void aStreamCutInsideARecordLeavesItsBytesBuffered(@ForAll @IntRange(min = 1, max = 104) int cut) {
        byte[] record = new byte[105];
        record[0] = 23;
        record[1] = 3;
        record[2] = 3;
        record[4] = 100;
        RecordSplitter splitter = new RecordSplitter();
        assertEquals(List.of(), splitter.add(record, 0, cut));
        assertEquals(cut, splitter.buffered());
    }
}
