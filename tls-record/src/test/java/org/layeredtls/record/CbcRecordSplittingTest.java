package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The BEAST countermeasure: the 1/n-1 split of application data, and where it is needed. */
class CbcRecordSplittingTest {

    private static final CipherSpec AES_CBC = CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1);
    private static final CipherSpec AES_GCM = CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL);

    /** Writes {@code writes} with the scheme's keys, splitting or not; returns the plaintext lengths read back. */
    private static List<Integer> plaintextLengths(ProtectionScheme scheme, boolean split, ContentType type,
                                                  byte[]... writes) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        writer.setWriteVersion(scheme.version());
        writer.setPendingWriteState(new ConnectionState(scheme.spec(), scheme.writer(), CompressionMethod.NULL.newState(true)));
        writer.activatePendingWriteState();
        writer.setCbcRecordSplitting(split);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (byte[] data : writes) {
            writer.write(type, data);
            sent.writeBytes(data);
        }

        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(wire.toByteArray()), new ByteArrayOutputStream(), () -> { });
        reader.setPendingReadState(new ConnectionState(scheme.spec(), scheme.reader(), CompressionMethod.NULL.newState(false)));
        reader.activatePendingReadState();
        List<Integer> lengths = new ArrayList<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        TLSPlaintext record;
        while ((record = reader.readRecord()) != null) {
            assertEquals(type, record.type());
            lengths.add(record.length());
            received.writeBytes(record.fragment());
        }
        assertArrayEquals(sent.toByteArray(), received.toByteArray(), "the data comes out unchanged");
        return lengths;
    }

    private static byte[] bytes(int length) {
        return ProtectionScheme.pattern(0x30, length);
    }

    @Test
    void tls10CbcApplicationDataGoesOutAsOneByteThenTheRest() throws IOException {
        var scheme = new ProtectionScheme(ProtocolVersion.TLS1_0, AES_CBC);
        assertEquals(List.of(1, 99), plaintextLengths(scheme, true, ContentType.APPLICATION_DATA, bytes(100)));
    }

    @Test
    void eachWriteIsSplitOnItsOwn() throws IOException {
        var scheme = new ProtectionScheme(ProtocolVersion.SSL3_0, AES_CBC);
        assertEquals(List.of(1, 9, 1, 19), plaintextLengths(scheme, true, ContentType.APPLICATION_DATA, bytes(10), bytes(20)));
    }

    @Test
    void theRestIsFragmentedAtTheLimitAsUsual() throws IOException {
        var scheme = new ProtectionScheme(ProtocolVersion.TLS1_0, AES_CBC);
        int n = RecordLimits.MAX_PLAINTEXT_LENGTH + 2;
        assertEquals(List.of(1, RecordLimits.MAX_PLAINTEXT_LENGTH, 1),
                plaintextLengths(scheme, true, ContentType.APPLICATION_DATA, bytes(n)));
    }

    @Test
    void oneByteAndEmptyWritesAreNotSplit() throws IOException {
        var scheme = new ProtectionScheme(ProtocolVersion.TLS1_0, AES_CBC);
        assertEquals(List.of(1, 0), plaintextLengths(scheme, true, ContentType.APPLICATION_DATA, bytes(1), bytes(0)));
    }

    @Test
    void handshakeRecordsAreNeverSplit() throws IOException {
        var scheme = new ProtectionScheme(ProtocolVersion.TLS1_0, AES_CBC);
        assertEquals(List.of(40), plaintextLengths(scheme, true, ContentType.HANDSHAKE, bytes(40)));
    }

    @Test
    void withoutTheSplitAWriteIsOneRecord() throws IOException {
        var scheme = new ProtectionScheme(ProtocolVersion.TLS1_0, AES_CBC);
        assertEquals(List.of(100), plaintextLengths(scheme, false, ContentType.APPLICATION_DATA, bytes(100)));
    }

    @Test
    void theSplitIsNeededOnlyWhereCbcIvsAreChained() {
        assertTrue(CbcRecordSplitting.isNeeded(ProtocolVersion.SSL3_0, AES_CBC));
        assertTrue(CbcRecordSplitting.isNeeded(ProtocolVersion.TLS1_0, AES_CBC));
        assertTrue(CbcRecordSplitting.isNeeded(ProtocolVersion.TLS1_0,
                new CipherSpec(BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC, MacAlgorithm.HMAC_SHA1, true)));
        assertFalse(CbcRecordSplitting.isNeeded(ProtocolVersion.TLS1_1, AES_CBC));
        assertFalse(CbcRecordSplitting.isNeeded(ProtocolVersion.TLS1_2, AES_CBC));
        assertFalse(CbcRecordSplitting.isNeeded(ProtocolVersion.TLS1_2, AES_GCM));
        assertFalse(CbcRecordSplitting.isNeeded(ProtocolVersion.TLS1_0,
                CipherSpec.of(BulkCipherAlgorithm.RC4_128, MacAlgorithm.HMAC_SHA1)));
        assertFalse(CbcRecordSplitting.isNeeded(ProtocolVersion.TLS1_0, CipherSpec.NULL_WITH_NULL_NULL));
    }
}
