package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.crypto.CryptoBackend;

/**
 * The TLS 1.3 path keeps the record layer's promise ({@link RecordLayerAllocationTest} for TLS 1.2): on
 * the BouncyCastle backend, writing allocates nothing per record once the buffers have grown (the
 * TLSInnerPlaintext is assembled in the layer's own buffer), and reading allocates only the returned
 * {@link TLSPlaintext}. With padding too. (Not CCM: BouncyCastle's CCM allocates per message.)
 */
class Tls13RecordLayerAllocationTest {

    private static final int RECORDS = 300;
    private static final int READ_OVERHEAD = 256;

    static List<Arguments> cases() {
        return Tls13Scheme.AEADS.stream()
                .map(aead -> new Tls13Scheme(aead, CryptoBackend.BOUNCY_CASTLE))
                .filter(scheme -> !scheme.allocatesPerRecord())
                .flatMap(s -> Stream.of(Arguments.of(s, 1024), Arguments.of(s, RecordLimits.MAX_PLAINTEXT_LENGTH)))
                .toList();
    }

    @ParameterizedTest(name = "{0}, {1}-byte records")
    @MethodSource("cases")
    void writingAllocatesNothingPerRecordInSteadyState(Tls13Scheme scheme, int size) throws IOException {
        RecordLayer writer = scheme.writer(OutputStream.nullOutputStream());
        writer.setPaddingPolicy(PaddingPolicy.padToMultipleOf(256));
        byte[] data = ProtectionScheme.pattern(3, size - 1);
        for (int i = 0; i < RECORDS; i++) { // warm-up: buffers grown, code compiled
            writer.write(ContentType.APPLICATION_DATA, data);
        }
        long before = RecordLayerAllocationTest.allocatedBytes();
        for (int i = 0; i < RECORDS; i++) {
            writer.write(ContentType.APPLICATION_DATA, data);
        }
        long perRecord = (RecordLayerAllocationTest.allocatedBytes() - before) / RECORDS;
        assertTrue(perRecord < 64, scheme + " allocates " + perRecord + " bytes per written record of " + size);
    }

    @ParameterizedTest(name = "{0}, {1}-byte records")
    @MethodSource("cases")
    void readingAllocatesOnlyTheReturnedRecord(Tls13Scheme scheme, int size) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = scheme.writer(wire);
        byte[] data = ProtectionScheme.pattern(5, size);
        for (int i = 0; i < 2 * RECORDS; i++) {
            writer.write(ContentType.APPLICATION_DATA, data);
        }
        RecordLayer reader = scheme.reader(wire.toByteArray());
        for (int i = 0; i < RECORDS; i++) { // warm-up
            reader.readRecord();
        }
        long before = RecordLayerAllocationTest.allocatedBytes();
        int total = 0;
        for (int i = 0; i < RECORDS; i++) {
            total += reader.readRecord().length();
        }
        long perRecord = (RecordLayerAllocationTest.allocatedBytes() - before) / RECORDS;
        assertEquals(RECORDS * size, total);
        assertTrue(perRecord < 2L * size + READ_OVERHEAD,
                scheme + " allocates " + perRecord + " bytes per read record of " + size + " (a buffer per record?)");
    }
}
