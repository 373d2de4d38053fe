package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoBackend;

/** TLS 1.3 record padding (RFC 8446 §5.4): what each policy puts on the wire, and what it hides. */
class PaddingPolicyTest {

    private static final Tls13Scheme GCM = new Tls13Scheme(BulkCipherAlgorithm.AES_128_GCM, CryptoBackend.BOUNCY_CASTLE);
    private static final int TAG = 16;

    /** The fragment length of each record written for each of {@code contentLengths}. */
    private static List<Integer> recordLengths(PaddingPolicy policy, int fragmentLimit, int... contentLengths)
            throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = GCM.writer(wire);
        writer.setSendFragmentLimit(fragmentLimit);
        writer.setPaddingPolicy(policy);
        for (int length : contentLengths) {
            writer.write(ContentType.APPLICATION_DATA, new byte[length]);
        }
        byte[] bytes = wire.toByteArray();
        List<Integer> lengths = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; ) {
            int length = ((bytes[offset + 3] & 0xFF) << 8) | (bytes[offset + 4] & 0xFF);
            lengths.add(length);
            offset += RecordLimits.HEADER_LENGTH + length;
        }
        // whatever the padding, the reader gets the content back without being told the policy
        RecordLayer reader = GCM.reader(bytes);
        reader.setReceiveFragmentLimit(fragmentLimit);
        for (int length : contentLengths) { // one record per write: no content here exceeds the limit
            assertEquals(length, reader.readRecord().length());
        }
        return lengths;
    }

    @Test
    void noPaddingByDefaultSoTheRecordLengthGivesTheContentLengthAway() throws IOException {
        assertEquals(PaddingPolicy.NONE, new RecordLayer(null, null, () -> { }).paddingPolicy());
        assertEquals(List.of(1 + 1 + TAG, 5 + 1 + TAG, 700 + 1 + TAG),
                recordLengths(PaddingPolicy.NONE, RecordLimits.MAX_PLAINTEXT_LENGTH, 1, 5, 700));
    }

    @Test
    void padToMultipleOfMakesTheInnerPlaintextAWholeNumberOfBlocks() throws IOException {
        assertEquals(List.of(64 + TAG, 64 + TAG, 128 + TAG, 64 + TAG, 704 + TAG),
                recordLengths(PaddingPolicy.padToMultipleOf(64), RecordLimits.MAX_PLAINTEXT_LENGTH, 1, 5, 64, 63, 700));
    }

    @Test
    void padToMultipleOfStopsAtTheFragmentLimit() throws IOException {
        // limit 100: the inner plaintext may be 101 bytes; 90 + 1 rounds up to 128, capped at 101
        assertEquals(List.of(101 + TAG), recordLengths(PaddingPolicy.padToMultipleOf(64), 100, 90));
    }

    @Test
    void padToMaximumMakesEveryRecordAsLongAsTheLimitAllows() throws IOException {
        assertEquals(List.of(513 + TAG, 513 + TAG, 513 + TAG, 513 + TAG, 513 + TAG),
                recordLengths(PaddingPolicy.padToMaximum(), 512, 0, 1, 300, 511, 512));
    }

    @Test
    void everyContentTypeIsPaddedAndThePolicySeesTheRealType() throws IOException {
        List<ContentType> asked = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = GCM.writer(wire);
        writer.setPaddingPolicy((type, length, max) -> {
            asked.add(type);
            return 3;
        });
        writer.write(ContentType.HANDSHAKE, new byte[] {20, 0, 0, 0});
        writer.write(ContentType.ALERT, new byte[] {1, 0});
        assertEquals(List.of(ContentType.HANDSHAKE, ContentType.ALERT), asked);
        RecordLayer reader = GCM.reader(wire.toByteArray());
        assertArrayEquals(new byte[] {20, 0, 0, 0}, reader.readRecord().fragment());
        assertArrayEquals(new byte[] {1, 0}, reader.readRecord().fragment());
    }

    @Test
    void aPolicyThatAsksForMoreThanFitsIsRefused() {
        RecordLayer writer = GCM.writer(new ByteArrayOutputStream());
        writer.setSendFragmentLimit(100);
        writer.setPaddingPolicy((type, length, max) -> max + 1);
        assertThrows(IllegalStateException.class, () -> writer.write(ContentType.APPLICATION_DATA, new byte[10]));
        writer.setPaddingPolicy((type, length, max) -> -1);
        assertThrows(IllegalStateException.class, () -> writer.write(ContentType.APPLICATION_DATA, new byte[10]));
        assertThrows(IllegalArgumentException.class, () -> PaddingPolicy.padToMultipleOf(0));
    }

    @Test
    void tls12StatesHaveNoRoomForPaddingAndIgnoreThePolicy() throws IOException {
        ProtectionScheme tls12 = new ProtectionScheme(ProtocolVersion.TLS1_2,
                CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = KeyedRecordLayers.writer(tls12, wire);
        writer.setPaddingPolicy(PaddingPolicy.padToMaximum());
        writer.write(ContentType.APPLICATION_DATA, new byte[5]);
        assertEquals(RecordLimits.HEADER_LENGTH + 8 + 5 + TAG, wire.size());
    }
}
