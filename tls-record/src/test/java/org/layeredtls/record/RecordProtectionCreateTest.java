package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;

/** What {@code RecordProtection.create} refuses, and the randomness and nonce conventions. */
class RecordProtectionCreateTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.defaultProvider();

    private static RecordProtection create(ProtocolVersion version, CipherSpec spec, TrafficKeys keys) {
        return RecordProtection.create(version, spec, keys, true, CRYPTO, DeterministicRandomSource.fromLabel("create"));
    }

    private static void refused(ProtocolVersion version, CipherSpec spec) {
        refused(version, spec, new ProtectionScheme(version, spec).keys());
    }

    private static void refused(ProtocolVersion version, CipherSpec spec, TrafficKeys keys) {
        assertThrows(IllegalArgumentException.class, () -> create(version, spec, keys), spec + " " + version);
    }

    private static TrafficKeys keys(int mac, int key, int iv) {
        return new TrafficKeys(new byte[mac], new byte[key], new byte[iv]);
    }

    @Test
    void nullWithNullNullIsTheNullProtection() {
        assertSame(RecordProtection.none(),
                create(ProtocolVersion.TLS1_2, CipherSpec.NULL_WITH_NULL_NULL, TrafficKeys.NONE));
    }

    @Test
    void refusesShaTwoMacsUnderSsl3() {
        refused(ProtocolVersion.SSL3_0, CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA256));
        refused(ProtocolVersion.SSL3_0, CipherSpec.of(BulkCipherAlgorithm.NULL, MacAlgorithm.HMAC_SHA384));
    }

    @Test
    void refusesEncryptThenMacUnderSsl3() {
        refused(ProtocolVersion.SSL3_0, new CipherSpec(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1, true));
    }

    @Test
    void refusesAeadBeforeTls12() {
        for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_1}) {
            refused(v, CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL),
                    keys(0, 16, 4));
            refused(v, CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL), keys(0, 32, 12));
        }
    }

    @Test
    void refusesCcmUnderTls12ItProtectsTls13RecordsOnly() {
        refused(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_CCM, MacAlgorithm.NULL), keys(0, 16, 4));
        refused(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_CCM_8, MacAlgorithm.NULL), keys(0, 16, 4));
    }

    @Test
    void refusesVersionsOutsideSsl3ToTls12() {
        refused(ProtocolVersion.TLS1_3, CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL));
        refused(new ProtocolVersion(2, 0), CipherSpec.of(BulkCipherAlgorithm.RC4_128, MacAlgorithm.HMAC_MD5));
    }

    @Test
    void refusesAMissingMacExceptForNullWithNullNull() {
        refused(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.RC4_128, MacAlgorithm.NULL), keys(0, 16, 0));
        refused(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.NULL), keys(0, 16, 0));
    }

    @Test
    void refusesWrongKeySizes() {
        CipherSpec cbc = CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1);
        refused(ProtocolVersion.TLS1_2, cbc, keys(20, 32, 0)); // AES-256 key for AES-128
        refused(ProtocolVersion.TLS1_2, cbc, keys(32, 16, 0)); // SHA-256-sized MAC key
        refused(ProtocolVersion.TLS1_0, cbc, keys(20, 16, 0)); // no IV for an implicit-IV version
        refused(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC, MacAlgorithm.HMAC_SHA1),
                keys(20, 16, 0));
        refused(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL), keys(0, 16, 12));
        refused(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL),
                keys(0, 32, 4));
        refused(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.NULL, MacAlgorithm.HMAC_SHA1), keys(20, 16, 0));
    }

    @Test
    void explicitIvVersionsTakeExactlyOneBlockFromTheRandomSourcePerRecord() {
        for (ProtectionScheme scheme : ProtectionScheme.all()) {
            if (!scheme.isCbc()) {
                continue;
            }
            RecordingRandomSource random = new RecordingRandomSource("iv");
            RecordProtection writer = scheme.writer(random);
            for (int seq = 0; seq < 5; seq++) {
                byte[] out = new byte[100 + writer.maxExpansion()];
                writer.seal(seq, ContentType.APPLICATION_DATA, scheme.version(), new byte[seq * 20], 0, seq * 20, out, 0);
                if (scheme.version().hasExplicitIv()) {
                    assertEquals(seq + 1, random.draws.size(), scheme.toString());
                    assertEquals(scheme.blockSize(), random.draws.get(seq).length, scheme.toString());
                    // and the draw is the IV, sent in clear in front of the record
                    assertEquals(Arrays.toString(random.draws.get(seq)),
                            Arrays.toString(Arrays.copyOf(out, scheme.blockSize())), scheme.toString());
                } else {
                    assertEquals(0, random.totalBytes(), scheme + " uses the chained IV");
                }
            }
        }
    }

    @Test
    void gcmExplicitNonceIsTheSequenceNumber() {
        for (BulkCipherAlgorithm gcm : new BulkCipherAlgorithm[] {BulkCipherAlgorithm.AES_128_GCM, BulkCipherAlgorithm.AES_256_GCM}) {
            ProtectionScheme scheme = new ProtectionScheme(ProtocolVersion.TLS1_2, CipherSpec.of(gcm, MacAlgorithm.NULL));
            RecordingRandomSource random = new RecordingRandomSource("gcm");
            RecordProtection writer = scheme.writer(random);
            for (long seq : new long[] {0, 1, 0x1234_5678_9ABC_DEF0L, -1L}) {
                byte[] out = new byte[10 + writer.maxExpansion()];
                int n = writer.seal(seq, ContentType.APPLICATION_DATA, ProtocolVersion.TLS1_2, new byte[10], 0, 10, out, 0);
                assertEquals(8 + 10 + 16, n);
                assertEquals(seq, ByteBuffer.wrap(out, 0, 8).getLong());
            }
            assertEquals(0, random.draws.size(), "GCM draws no randomness");
        }
    }

    @Test
    void aCiphertextLongerThan2To14Plus2048IsRecordOverflowNotACrash() {
        for (ProtectionScheme scheme : ProtectionScheme.all()) {
            byte[] record = new byte[RecordLimits.MAX_CIPHERTEXT_LENGTH + 8];
            byte[] out = new byte[record.length];
            org.layeredtls.alert.TlsAlertException e = assertThrows(org.layeredtls.alert.TlsAlertException.class,
                    () -> scheme.reader().open(0, ContentType.APPLICATION_DATA, scheme.version(), record, 0,
                            record.length, out, 0));
            assertEquals(org.layeredtls.alert.AlertDescription.RECORD_OVERFLOW, e.description(), scheme.toString());
        }
    }

    @Test
    void aProtectionWorksInTheDirectionItWasCreatedForOnly() {
        ProtectionScheme scheme = new ProtectionScheme(ProtocolVersion.TLS1_2,
                CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1));
        byte[] buf = new byte[200];
        assertThrows(IllegalStateException.class,
                () -> scheme.reader().seal(0, ContentType.ALERT, ProtocolVersion.TLS1_2, buf, 0, 2, buf, 100));
        assertThrows(IllegalStateException.class,
                () -> scheme.writer().open(0, ContentType.ALERT, ProtocolVersion.TLS1_2, buf, 0, 64, buf, 100));
    }
}
