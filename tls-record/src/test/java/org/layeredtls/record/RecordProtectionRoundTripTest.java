package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoBackend;

class RecordProtectionRoundTripTest {

    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 100, 255, 256, 1000, RecordLimits.MAX_PLAINTEXT_LENGTH};

    static List<ProtectionScheme> schemes() {
        return ProtectionScheme.all();
    }

    @Test
    void everyVersionHasSchemesAndTheMatrixIsComplete() {
        List<ProtectionScheme> all = schemes();
        for (ProtocolVersion version : ProtectionScheme.VERSIONS) {
            assertTrue(all.stream().anyMatch(s -> s.version().equals(version)), version.toString());
        }
        int backends = CryptoBackend.values().length;
        assertEquals((3 + 2 + 12 + 3) * backends, all.stream().filter(s -> s.version().equals(ProtocolVersion.TLS1_2)).count());
        assertEquals((2 + 2 + 4) * backends, all.stream().filter(s -> s.version().isSsl3()).count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void sequenceOfRecordsOfManyLengthsRoundTrips(ProtectionScheme scheme) throws TlsAlertException {
        RecordProtection writer = scheme.writer();
        RecordProtection reader = scheme.reader();
        Random random = new Random(42);
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> sealed = new ArrayList<>();
        long seq = 0;
        // all records sealed first, then all opened: each direction chains on its own
        for (int length : LENGTHS) {
            byte[] plaintext = new byte[length];
            random.nextBytes(plaintext);
            byte[] out = new byte[length + writer.maxExpansion()];
            int n = writer.seal(seq++, ContentType.APPLICATION_DATA, scheme.version(), plaintext, 0, length, out, 0);
            assertTrue(n >= length && n <= length + writer.maxExpansion(), "sealed length " + n);
            plaintexts.add(plaintext);
            sealed.add(Arrays.copyOf(out, n));
        }
        seq = 0;
        for (int i = 0; i < LENGTHS.length; i++) {
            byte[] record = sealed.get(i);
            // an offset on both sides, to catch offset mistakes
            byte[] in = new byte[record.length + 7];
            System.arraycopy(record, 0, in, 3, record.length);
            byte[] out = new byte[RecordLimits.MAX_COMPRESSED_LENGTH + 5];
            int n = reader.open(seq++, ContentType.APPLICATION_DATA, scheme.version(), in, 3, record.length, out, 5);
            assertArrayEquals(plaintexts.get(i), Arrays.copyOfRange(out, 5, 5 + n), "record " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void interleavedSealAndOpenRoundTripAcrossManyRecords(ProtectionScheme scheme) throws TlsAlertException {
        RecordProtection writer = scheme.writer();
        RecordProtection reader = scheme.reader();
        byte[] out = new byte[300 + writer.maxExpansion()];
        byte[] back = new byte[RecordLimits.MAX_CIPHERTEXT_LENGTH];
        for (int seq = 0; seq < 20; seq++) {
            byte[] plaintext = ProtectionScheme.pattern(seq, seq * 13 % 300);
            int n = writer.seal(seq, ContentType.HANDSHAKE, scheme.version(), plaintext, 0, plaintext.length, out, 0);
            int m = reader.open(seq, ContentType.HANDSHAKE, scheme.version(), out, 0, n, back, 0);
            assertArrayEquals(plaintext, Arrays.copyOf(back, m));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void maxExpansionIsReachedAndNeverExceeded(ProtectionScheme scheme) {
        RecordProtection writer = scheme.writer();
        int largest = 0;
        for (int length = 0; length <= 64; length++) {
            byte[] out = new byte[length + writer.maxExpansion()];
            int n = writer.seal(length, ContentType.APPLICATION_DATA, scheme.version(), new byte[length], 0, length, out, 0);
            largest = Math.max(largest, n - length);
        }
        assertEquals(writer.maxExpansion(), largest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void cbcRecordsAreWholeBlocksWithMinimalPadding(ProtectionScheme scheme) {
        if (!scheme.isCbc()) {
            return;
        }
        RecordProtection writer = scheme.writer();
        int iv = scheme.version().hasExplicitIv() ? scheme.blockSize() : 0;
        int mac = scheme.macLength();
        for (int length = 0; length < 40; length++) {
            byte[] out = new byte[length + writer.maxExpansion()];
            int n = writer.seal(0, ContentType.APPLICATION_DATA, scheme.version(), new byte[length], 0, length, out, 0);
            int content = scheme.spec().encryptThenMac() ? length : length + mac;
            int padded = (content / scheme.blockSize() + 1) * scheme.blockSize(); // minimal: 1..block bytes added
            int expected = iv + padded + (scheme.spec().encryptThenMac() ? mac : 0);
            assertEquals(expected, n, "length " + length);
        }
    }
}
