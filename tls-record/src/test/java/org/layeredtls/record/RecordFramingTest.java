package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

/** RecordFraming: where the next record ends, so that a non-blocking reader hands over whole records only. */
class RecordFramingTest {

    private static final int LIMIT = RecordLimits.MAX_PLAINTEXT_LENGTH;

    private static int length(boolean sslv2, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return RecordFraming.recordLength(b, 0, b.length, sslv2, LIMIT);
    }

    @Test
    void fewerThanFiveBytesSayNothingYet() {
        assertEquals(RecordFraming.UNKNOWN, length(false, 22, 3, 3, 0));
    }

    @Test
    void aHeaderSaysItsFragmentLength() {
        assertEquals(5 + 0x0130, length(false, 22, 3, 3, 0x01, 0x30));
    }

    @Test
    void aHeaderTheRecordLayerRefusesNeedsNoFragment() {
        assertEquals(5, length(false, 'G', 'E', 'T', ' ', '/'), "unknown content type");
        assertEquals(5, length(false, 23, 2, 0, 0, 10), "not {3,x}");
        assertEquals(5, length(false, 23, 3, 3, 0x48, 0x01), "longer than 2^14 + 2048");
    }

    @Test
    void anSslv2ClientHelloSaysItsLengthInItsTwoByteHeaderWhenOneMayCome() {
        assertEquals(2 + 0x1c, length(true, 0x80, 0x1c, 1, 3, 3));
        assertEquals(5, length(true, 0x80, 0x05, 1, 3, 3), "shorter than its fixed fields: refused on the header");
        assertEquals(5, length(false, 0x80, 0x1c, 1, 3, 3), "not allowed: 0x80 is no content type");
    }

    /** Every record the layer writes is framed exactly; every shorter prefix of it asks for more. */
    @Property(tries = 200)
    void theFramingOfEveryWrittenRecordIsItsLength(@ForAll @IntRange(min = 1, max = LIMIT) int plaintextLength) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer layer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        layer.write(ContentType.APPLICATION_DATA, new byte[plaintextLength]);
        byte[] record = wire.toByteArray();
        assertEquals(record.length, RecordFraming.recordLength(record, 0, record.length, false, LIMIT));
        for (int prefix : new int[] {0, 1, 4, 5, record.length - 1}) {
            int framed = RecordFraming.recordLength(record, 0, prefix, false, LIMIT);
            assertTrue(framed == RecordFraming.UNKNOWN || framed > prefix, "prefix " + prefix + ": " + framed);
        }
    }
}
