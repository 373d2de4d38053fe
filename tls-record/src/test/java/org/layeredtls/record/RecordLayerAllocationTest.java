package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Buffers allocated on first use must not turn into buffers allocated per record: once the records
 * stop growing, writing allocates nothing, and reading allocates only the {@link TLSPlaintext} it
 * returns (its fragment, copied out of the layer's buffer and once more by the immutable record).
 * Measured with the JVM's per-thread allocation counter, as {@link RecordProtectionAllocationTest}
 * does for the protections alone, here through {@link RecordLayer#write} and {@link RecordLayer#readRecord}.
 */
class RecordLayerAllocationTest {

    private static final int RECORDS = 300;
    /** The returned record's two copies of the fragment, plus object headers and the parsed header. */
    private static final int READ_OVERHEAD = 256;

    static List<Arguments> cases() {
        return Stream.of(
                        new ProtectionScheme(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL)),
                        new ProtectionScheme(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL)),
                        new ProtectionScheme(ProtocolVersion.TLS1_2, new CipherSpec(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1, false)),
                        new ProtectionScheme(ProtocolVersion.TLS1_0, new CipherSpec(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1, false)))
                .flatMap(s -> Stream.of(Arguments.of(s, 1024), Arguments.of(s, RecordLimits.MAX_PLAINTEXT_LENGTH)))
                .toList();
    }

    @ParameterizedTest(name = "{0}, {1}-byte records")
    @MethodSource("cases")
    void writingAllocatesNothingPerRecordInSteadyState(ProtectionScheme scheme, int size) throws IOException {
        RecordLayer writer = KeyedRecordLayers.writer(scheme, OutputStream.nullOutputStream());
        byte[] data = ProtectionScheme.pattern(3, size);
        for (int i = 0; i < RECORDS; i++) { // warm-up: buffers grown, code compiled
            writer.write(ContentType.APPLICATION_DATA, data);
        }
        long before = allocatedBytes();
        for (int i = 0; i < RECORDS; i++) {
            writer.write(ContentType.APPLICATION_DATA, data);
        }
        long perRecord = (allocatedBytes() - before) / RECORDS;
        assertTrue(perRecord < 64, scheme + " allocates " + perRecord + " bytes per written record of " + size);
    }

    @ParameterizedTest(name = "{0}, {1}-byte records")
    @MethodSource("cases")
    void readingAllocatesOnlyTheReturnedRecord(ProtectionScheme scheme, int size) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = KeyedRecordLayers.writer(scheme, wire);
        byte[] data = ProtectionScheme.pattern(5, size);
        for (int i = 0; i < 2 * RECORDS; i++) {
            writer.write(ContentType.APPLICATION_DATA, data);
        }
        RecordLayer reader = KeyedRecordLayers.reader(scheme, wire.toByteArray());
        for (int i = 0; i < RECORDS; i++) { // warm-up
            reader.readRecord();
        }
        long before = allocatedBytes();
        int total = 0;
        for (int i = 0; i < RECORDS; i++) {
            total += reader.readRecord().length();
        }
        long perRecord = (allocatedBytes() - before) / RECORDS;
        assertEquals(RECORDS * size, total);
        assertTrue(perRecord < 2L * size + READ_OVERHEAD,
                scheme + " allocates " + perRecord + " bytes per read record of " + size + " (a buffer per record?)");
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
