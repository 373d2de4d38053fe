package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.vectors.RecordProtectionVector;
import org.layeredtls.vectors.RecordProtectionVectors;
import org.layeredtls.vectors.VectorRecord;

/**
 * Replays the record-protection vectors that OpenSSL computed (module test-vectors): for every
 * version and protection scheme, {@link RecordProtection} must seal each record into exactly
 * OpenSSL's bytes, and open OpenSSL's bytes back into the plaintext, on each crypto backend. The
 * explicit CBC IVs (TLS 1.1+) come from a random source that hands out exactly the vector's IVs, in
 * order.
 */
class OpenSslRecordVectorTest {

    private static final List<RecordProtectionVector> VECTORS = RecordProtectionVectors.load().vectors();

    /** Offsets into larger arrays, so that a protection that ignores inOff/outOff is caught. */
    private static final int IN_OFFSET = 3;
    private static final int OUT_OFFSET = 5;
    private static final byte FILL = (byte) 0xA5;

    @TestFactory
    Stream<DynamicTest> sealsEveryRecordIntoExactlyOpenSslsFragment() {
        return onEveryBackend((v, crypto) -> sealAll(v, crypto));
    }

    @TestFactory
    Stream<DynamicTest> opensEveryOpenSslFragmentBackIntoThePlaintext() {
        return onEveryBackend((v, crypto) -> openAll(v, crypto));
    }

    /** One test per vector and crypto backend: both must give OpenSSL's bytes. */
    private static Stream<DynamicTest> onEveryBackend(VectorCheck check) {
        return Stream.of(CryptoBackend.values()).flatMap(backend -> VECTORS.stream().map(v ->
                DynamicTest.dynamicTest(v.name() + " on " + backend.shortName(), () -> check.run(v, backend.provider()))));
    }

    private interface VectorCheck {
        void run(RecordProtectionVector v, CryptoProvider crypto) throws Exception;
    }

    @Test
    void theVectorsNameEveryBulkCipherAndEveryMacOfThisLayer() {
        Set<BulkCipherAlgorithm> bulk = VECTORS.stream().map(v -> BulkCipherAlgorithm.valueOf(v.bulkCipher()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(BulkCipherAlgorithm.class)));
        Set<MacAlgorithm> macs = VECTORS.stream().map(v -> MacAlgorithm.valueOf(v.mac()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MacAlgorithm.class)));
        // AES-128-CCM(-8) protect TLS 1.3 records only (Tls13CcmRecordTest, OpenSslTls13RecordInteropTest)
        assertEquals(EnumSet.complementOf(EnumSet.of(BulkCipherAlgorithm.AES_128_CCM, BulkCipherAlgorithm.AES_128_CCM_8)),
                bulk);
        assertEquals(EnumSet.allOf(MacAlgorithm.class), macs);
    }

    private static void sealAll(RecordProtectionVector v, CryptoProvider crypto) throws Exception {
        ProtocolVersion version = ProtocolVersion.fromCode(v.version());
        QueueRandom random = new QueueRandom(drawnIvs(v, version));
        RecordProtection writer = RecordProtection.create(version, spec(v), keys(v), true,
                crypto, random);
        for (VectorRecord r : v.records()) {
            byte[] plaintext = r.plaintext();
            byte[] in = surround(plaintext, IN_OFFSET);
            byte[] out = new byte[OUT_OFFSET + plaintext.length + writer.maxExpansion()];
            Arrays.fill(out, FILL);
            int length = writer.seal(r.sequenceNumber(), ContentType.fromCode(r.contentType()), version,
                    in, IN_OFFSET, plaintext.length, out, OUT_OFFSET);
            assertUntouched(out, OUT_OFFSET, v, r);
            assertSameBytes(v, r, r.fragment(), Arrays.copyOfRange(out, OUT_OFFSET, OUT_OFFSET + length));
            assertTrue(length - plaintext.length <= writer.maxExpansion(),
                    v.name() + ": expansion " + (length - plaintext.length) + " > maxExpansion " + writer.maxExpansion());
        }
        assertEquals(0, random.remaining(), v.name() + ": the protection drew fewer IV bytes than the vector's records");
    }

    private static void openAll(RecordProtectionVector v, CryptoProvider crypto) throws Exception {
        ProtocolVersion version = ProtocolVersion.fromCode(v.version());
        RecordProtection reader = RecordProtection.create(version, spec(v), keys(v), false,
                crypto, new QueueRandom(new byte[0]));
        for (VectorRecord r : v.records()) {
            byte[] fragment = r.fragment();
            byte[] in = surround(fragment, IN_OFFSET);
            byte[] out = new byte[OUT_OFFSET + fragment.length + 16];
            Arrays.fill(out, FILL);
            int length = reader.open(r.sequenceNumber(), ContentType.fromCode(r.contentType()), version,
                    in, IN_OFFSET, fragment.length, out, OUT_OFFSET);
            assertUntouched(out, OUT_OFFSET, v, r);
            assertSameBytes(v, r, r.plaintext(), Arrays.copyOfRange(out, OUT_OFFSET, OUT_OFFSET + length));
        }
    }

    private static CipherSpec spec(RecordProtectionVector v) {
        return new CipherSpec(BulkCipherAlgorithm.valueOf(v.bulkCipher()), MacAlgorithm.valueOf(v.mac()),
                v.encryptThenMac());
    }

    private static TrafficKeys keys(RecordProtectionVector v) {
        return new TrafficKeys(v.macKey(), v.encryptionKey(), v.fixedIv());
    }

    /** The bytes the sealing side must draw: the explicit IVs of TLS 1.1+ CBC records, nothing else. */
    private static byte[] drawnIvs(RecordProtectionVector v, ProtocolVersion version) {
        ByteArrayOutputStream ivs = new ByteArrayOutputStream();
        if (spec(v).type() == CipherType.BLOCK && version.hasExplicitIv()) {
            v.records().forEach(r -> ivs.writeBytes(r.explicitIv()));
        }
        return ivs.toByteArray();
    }

    private static byte[] surround(byte[] data, int offset) {
        byte[] array = new byte[offset + data.length + 7];
        Arrays.fill(array, FILL);
        System.arraycopy(data, 0, array, offset, data.length);
        return array;
    }

    private static void assertUntouched(byte[] out, int offset, RecordProtectionVector v, VectorRecord r) {
        for (int i = 0; i < offset; i++) {
            assertEquals(FILL, out[i], v.name() + " seq " + r.sequenceNumber() + ": wrote before outOff");
        }
    }

    /** On a mismatch, says where the first differing byte is, so a report can name it. */
    private static void assertSameBytes(RecordProtectionVector v, VectorRecord r, byte[] expected, byte[] actual) {
        int mismatch = Arrays.mismatch(expected, actual);
        if (mismatch < 0) {
            return;
        }
        HexFormat hex = HexFormat.of();
        int from = Math.max(0, mismatch - 8);
        fail(String.format("%s, record seq %016x type %d: %d bytes expected, %d produced, first difference at"
                        + " byte %d%n  expected from %d: %s%n  produced from %d: %s",
                v.name(), r.sequenceNumber(), r.contentType(), expected.length, actual.length, mismatch,
                from, hex.formatHex(expected, Math.min(from, expected.length), Math.min(mismatch + 24, expected.length)),
                from, hex.formatHex(actual, Math.min(from, actual.length), Math.min(mismatch + 24, actual.length))));
    }

    /** A random source that hands out exactly the given bytes, then refuses. */
    private static final class QueueRandom implements RandomSource {
        private final byte[] bytes;
        private int position;

        QueueRandom(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] out, int offset, int length) {
            if (length > bytes.length - position) {
                throw new AssertionError("the protection drew " + length + " random bytes; the vector has "
                        + (bytes.length - position) + " left (only TLS 1.1+ CBC IVs are drawn)");
            }
            System.arraycopy(bytes, position, out, offset, length);
            position += length;
        }

        int remaining() {
            return bytes.length - position;
        }
    }
}
