package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoBackend;

/**
 * The hot path allocates nothing per record: scratch buffers live in the protection object.
 * Measured with the JVM's per-thread allocation counter, for the schemes whose BouncyCastle
 * primitives allocate nothing themselves (AES, RC4, HMAC, the hashes; BC's 3DES allocates inside
 * BouncyCastle, which is allowed), and for the AEADs, whose own GCM and ChaCha20-Poly1305
 * compositions replace BouncyCastle's allocating modes (at 1 KiB and 16 KiB records, since BC's GCM
 * allocated per 16-byte block). On the BouncyCastle backend only: the JDK's {@code Cipher} allocates
 * parameter objects per record (the last test below bounds that).
 */
class RecordProtectionAllocationTest {

    private static final int RECORDS = 300;

    static List<ProtectionScheme> schemes() {
        return ProtectionScheme.allOn(CryptoBackend.BOUNCY_CASTLE).stream()
                .filter(s -> s.spec().mac() == MacAlgorithm.HMAC_SHA1 || s.spec().mac() == MacAlgorithm.HMAC_SHA384)
                .filter(s -> s.spec().bulkCipher() == BulkCipherAlgorithm.NULL
                        || s.spec().bulkCipher() == BulkCipherAlgorithm.RC4_128
                        || s.spec().bulkCipher().name().startsWith("AES") && s.isCbc())
                .toList();
    }

    static List<Arguments> aeadSchemes() {
        return ProtectionScheme.allOn(CryptoBackend.BOUNCY_CASTLE).stream()
                .filter(s -> s.spec().type() == CipherType.AEAD)
                .flatMap(s -> Stream.of(Arguments.of(s, 1024), Arguments.of(s, 16384)))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void sealAndOpenAllocateNothingPerRecord(ProtectionScheme scheme) throws TlsAlertException {
        long perRecord = allocatedPerRecord(scheme, 300);
        assertTrue(perRecord < 16, scheme + " allocates " + perRecord + " bytes per record");
    }

    @ParameterizedTest(name = "{0}, {1}-byte records")
    @MethodSource("aeadSchemes")
    void aeadSealAndOpenAllocateNothingPerRecord(ProtectionScheme scheme, int size) throws TlsAlertException {
        long perRecord = allocatedPerRecord(scheme, size);
        assertTrue(perRecord < 64, scheme + " allocates " + perRecord + " bytes per record of " + size);
    }

    static List<Arguments> jdkSchemes() {
        return ProtectionScheme.allOn(CryptoBackend.JDK).stream()
                .filter(s -> s.version().equals(ProtocolVersion.TLS1_2) || s.version().equals(ProtocolVersion.TLS1_0))
                .filter(s -> s.spec().type() == CipherType.AEAD || s.spec().bulkCipher().name().startsWith("AES"))
                .filter(s -> s.spec().mac() != MacAlgorithm.HMAC_MD5)
                .flatMap(s -> Stream.of(Arguments.of(s, 1024), Arguments.of(s, 16384)))
                .toList();
    }

    /**
     * The JDK backend allocates per record what {@code javax.crypto} makes it: the parameter spec of
     * each {@code Cipher.init} and what SunJCE builds inside {@code init} (measured on JDK 17 per
     * seal+open: CBC 300-390 bytes, GCM about 2.2 KB, ChaCha20-Poly1305 about 3.9 KB, the same at
     * 1 KiB and 16 KiB). The bound is a fixed cost per record, below the 16 KiB a per-byte copy
     * would cost: nothing proportional to the data.
     */
    @ParameterizedTest(name = "{0}, {1}-byte records")
    @MethodSource("jdkSchemes")
    void jdkBackendAllocatesAFewSmallObjectsPerRecordAndNothingPerByte(ProtectionScheme scheme, int size)
            throws TlsAlertException {
        long perRecord = allocatedPerRecord(scheme, size);
        assertTrue(perRecord < 4096, scheme + " allocates " + perRecord + " bytes per record of " + size);
    }

    /** Bytes allocated by this thread per seal-and-open, after a warm-up round. */
    private static long allocatedPerRecord(ProtectionScheme scheme, int size) throws TlsAlertException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RecordProtection writer = scheme.writer();
        RecordProtection reader = scheme.reader();
        byte[] plaintext = ProtectionScheme.pattern(1, size);
        byte[] sealed = new byte[plaintext.length + writer.maxExpansion()];
        byte[] opened = new byte[sealed.length];
        run(scheme, writer, reader, plaintext, sealed, opened, 0); // warm up
        long before = threads.getCurrentThreadAllocatedBytes();
        run(scheme, writer, reader, plaintext, sealed, opened, RECORDS);
        return (threads.getCurrentThreadAllocatedBytes() - before) / RECORDS;
    }

    private static void run(ProtectionScheme scheme, RecordProtection writer, RecordProtection reader,
                            byte[] plaintext, byte[] sealed, byte[] opened, long firstSeq) throws TlsAlertException {
        for (long seq = firstSeq; seq < firstSeq + RECORDS; seq++) {
            int n = writer.seal(seq, ContentType.APPLICATION_DATA, scheme.version(), plaintext, 0, plaintext.length, sealed, 0);
            reader.open(seq, ContentType.APPLICATION_DATA, scheme.version(), sealed, 0, n, opened, 0);
        }
    }
}
