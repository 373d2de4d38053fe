package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The record layer's per-connection memory budget, pinned by structure (what is held), not by
 * timing: no buffer before a record needs it, none for protection or compression that the state
 * does not have, sizes that follow the negotiated fragment limit and the cipher's expansion, and
 * nothing but the 5-byte header after {@link RecordLayer#releaseBuffers()}.
 */
class RecordLayerMemoryBudgetTest {

    private static final int HEADER = RecordLimits.HEADER_LENGTH;
    private static final int MAX_FRAGMENT_LENGTH_512 = 512;

    static List<ProtectionScheme> schemes() {
        return List.of(
                new ProtectionScheme(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL)),
                new ProtectionScheme(ProtocolVersion.TLS1_2, CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL)),
                new ProtectionScheme(ProtocolVersion.TLS1_2, new CipherSpec(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA256, false)),
                new ProtectionScheme(ProtocolVersion.TLS1_2, new CipherSpec(BulkCipherAlgorithm.AES_256_CBC, MacAlgorithm.HMAC_SHA384, true)),
                new ProtectionScheme(ProtocolVersion.TLS1_0, new CipherSpec(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1, false)));
    }

    @Test
    void aRecordLayerThatHasDoneNothingHoldsOnlyTheRecordHeader() {
        RecordLayer layer = new RecordLayer(InputStream.nullInputStream(), new ByteArrayOutputStream(), () -> { });
        assertEquals(HEADER, layer.bufferedBytes());
    }

    @Test
    void withoutKeysOrCompressionARecordNeedsNoProtectionOrCompressionBuffer() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        writer.write(ContentType.HANDSHAKE, new byte[100]);
        // one buffer: the 105-byte record itself (null compression seals from the caller's bytes)
        assertEquals(HEADER + HEADER + 100, writer.bufferedBytes());

        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(wire.toByteArray()), new ByteArrayOutputStream(), () -> { });
        assertEquals(100, reader.readRecord().length());
        // two buffers of the record's size: the TLSCiphertext as read, and the TLSPlaintext it opens to
        assertEquals(HEADER + 100 + 100, reader.bufferedBytes());
        assertEquals(0, reader.readState().protection().bufferedBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void buffersAfterAMaxFragmentLengthOf512AreSizedToItAndTheCipher(ProtectionScheme scheme) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = KeyedRecordLayers.writer(scheme, wire);
        writer.setSendFragmentLimit(MAX_FRAGMENT_LENGTH_512); // RFC 6066 max_fragment_length 2^9
        byte[] data = ProtectionScheme.pattern(7, 20_000);
        writer.write(ContentType.APPLICATION_DATA, data);
        int expansion = writer.writeState().protection().maxExpansion();
        assertTrue(writer.bufferedBytes() <= HEADER + HEADER + MAX_FRAGMENT_LENGTH_512 + expansion,
                scheme + ": the writer holds " + writer.bufferedBytes() + " bytes");

        RecordLayer reader = KeyedRecordLayers.reader(scheme, wire.toByteArray());
        reader.setReceiveFragmentLimit(MAX_FRAGMENT_LENGTH_512);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (TLSPlaintext record; (record = reader.readRecord()) != null; ) {
            received.write(record.fragment());
        }
        assertArrayEquals(data, received.toByteArray());
        // at most three: TLSCiphertext, TLSPlaintext, and a CBC protection's decryption buffer
        int perBuffer = MAX_FRAGMENT_LENGTH_512 + expansion;
        assertTrue(reader.bufferedBytes() <= HEADER + 3 * perBuffer,
                scheme + ": the reader holds " + reader.bufferedBytes() + " bytes, more than 3 x " + perBuffer);
    }

    @Test
    void loweringTheFragmentLimitDropsBuffersSizedForTheOldOne() throws IOException {
        ProtectionScheme gcm = schemes().get(0);
        RecordLayer writer = KeyedRecordLayers.writer(gcm, new ByteArrayOutputStream());
        writer.write(ContentType.APPLICATION_DATA, new byte[RecordLimits.MAX_PLAINTEXT_LENGTH]);
        assertTrue(writer.bufferedBytes() > RecordLimits.MAX_PLAINTEXT_LENGTH);

        writer.setSendFragmentLimit(MAX_FRAGMENT_LENGTH_512);
        assertEquals(HEADER, writer.bufferedBytes());
        writer.write(ContentType.APPLICATION_DATA, new byte[RecordLimits.MAX_PLAINTEXT_LENGTH]);
        assertEquals(HEADER + HEADER + MAX_FRAGMENT_LENGTH_512 + writer.writeState().protection().maxExpansion(),
                writer.bufferedBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void releasedBuffersLeaveOnlyTheHeaderAndTheNextRecordsStillFlow(ProtectionScheme scheme) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = KeyedRecordLayers.writer(scheme, wire);
        writer.write(ContentType.APPLICATION_DATA, ProtectionScheme.pattern(1, 3000));
        writer.releaseBuffers();
        assertEquals(HEADER, writer.bufferedBytes());
        writer.write(ContentType.APPLICATION_DATA, ProtectionScheme.pattern(2, 3000));

        RecordLayer reader = KeyedRecordLayers.reader(scheme, wire.toByteArray());
        assertArrayEquals(ProtectionScheme.pattern(1, 3000), reader.readRecord().fragment());
        reader.releaseBuffers();
        assertEquals(HEADER, reader.bufferedBytes());
        assertArrayEquals(ProtectionScheme.pattern(2, 3000), reader.readRecord().fragment());
    }

    @Test
    void onlyACompressingStateHoldsCompressionBuffers() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        writer.setPendingWriteState(new ConnectionState(CipherSpec.NULL_WITH_NULL_NULL, RecordProtection.none(),
                CompressionMethod.DEFLATE.newState(true)));
        writer.activatePendingWriteState();
        writer.write(ContentType.APPLICATION_DATA, new byte[100]);
        // the TLSCompressed buffer (100 + the 1024 bytes DEFLATE may add) and the record, sized to the compressed length
        int compressedLength = wire.size() - HEADER;
        assertEquals(HEADER + (100 + RecordLimits.MAX_COMPRESSION_EXPANSION) + HEADER + compressedLength,
                writer.bufferedBytes());
        writer.releaseBuffers();
    }
}
