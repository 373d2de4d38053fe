package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.TlsAlertException;

/**
 * The hot path allocates nothing per record: scratch buffers live in the protection object.
 * Measured with the JVM's per-thread allocation counter, for the schemes whose BouncyCastle
 * primitives allocate nothing themselves (AES, RC4, HMAC, the hashes; BC's 3DES and AEAD modes
 * allocate inside BouncyCastle, which is allowed).
 */
class RecordProtectionAllocationTest {

    private static final int RECORDS = 300;

    static List<ProtectionScheme> schemes() {
        return ProtectionScheme.all().stream()
                .filter(s -> s.spec().mac() == MacAlgorithm.HMAC_SHA1 || s.spec().mac() == MacAlgorithm.HMAC_SHA384)
                .filter(s -> s.spec().bulkCipher() == BulkCipherAlgorithm.NULL
                        || s.spec().bulkCipher() == BulkCipherAlgorithm.RC4_128
                        || s.spec().bulkCipher().name().startsWith("AES") && s.isCbc())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void sealAndOpenAllocateNothingPerRecord(ProtectionScheme scheme) throws TlsAlertException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RecordProtection writer = scheme.writer();
        RecordProtection reader = scheme.reader();
        byte[] plaintext = ProtectionScheme.pattern(1, 300);
        byte[] sealed = new byte[plaintext.length + writer.maxExpansion()];
        byte[] opened = new byte[sealed.length];
        run(scheme, writer, reader, plaintext, sealed, opened, 0); // warm up
        long before = threads.getCurrentThreadAllocatedBytes();
        run(scheme, writer, reader, plaintext, sealed, opened, RECORDS);
        long perRecord = (threads.getCurrentThreadAllocatedBytes() - before) / RECORDS;
        assertTrue(perRecord < 16, scheme + " allocates " + perRecord + " bytes per record");
    }

    private static void run(ProtectionScheme scheme, RecordProtection writer, RecordProtection reader,
                            byte[] plaintext, byte[] sealed, byte[] opened, long firstSeq) throws TlsAlertException {
        for (long seq = firstSeq; seq < firstSeq + RECORDS; seq++) {
            int n = writer.seal(seq, ContentType.APPLICATION_DATA, scheme.version(), plaintext, 0, plaintext.length, sealed, 0);
            reader.open(seq, ContentType.APPLICATION_DATA, scheme.version(), sealed, 0, n, opened, 0);
        }
    }
}
