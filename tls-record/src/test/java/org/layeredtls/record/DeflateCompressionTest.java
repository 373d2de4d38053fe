package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;

/** RFC 3749 framing, checked byte by byte. */
class DeflateCompressionTest {

    private final Compression compressor = CompressionMethod.DEFLATE.newState(true);
    private final Compression decompressor = CompressionMethod.DEFLATE.newState(false);

    private byte[] compress(byte[] data) {
        byte[] out = new byte[data.length + RecordLimits.MAX_COMPRESSION_EXPANSION];
        return Arrays.copyOf(out, compressor.compress(data, 0, data.length, out, 0));
    }

    private byte[] decompress(byte[] data) throws TlsAlertException {
        byte[] out = new byte[RecordLimits.MAX_PLAINTEXT_LENGTH + 1];
        return Arrays.copyOf(out, decompressor.decompress(data, 0, data.length, out, 0, RecordLimits.MAX_PLAINTEXT_LENGTH));
    }

    @Test
    void theFirstRecordOpensAZlibStreamAndEveryRecordEndsWithASyncFlush() {
        byte[] first = compress("GET / HTTP/1.1\r\nCookie: secret=42\r\n".getBytes(StandardCharsets.US_ASCII));
        // RFC 1950 header: CMF 0x78 (deflate, 32 KiB window), FLG with FCHECK making it a multiple of 31.
        assertEquals(0x78, first[0] & 0xFF);
        assertEquals(0, (((first[0] & 0xFF) << 8) | (first[1] & 0xFF)) % 31);
        assertArrayEquals(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(first, first.length - 4, first.length));
        byte[] second = compress("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(second[0] != 0x78, "later records continue the stream: no second zlib header");
        assertArrayEquals(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(second, second.length - 4, second.length));
    }

    @Test
    void theHistoryLivesAcrossRecordsSoRepeatedDataShrinks() throws TlsAlertException {
        byte[] line = "Set-Cookie: session=0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] first = compress(line);
        byte[] again = compress(line);
        assertTrue(again.length < first.length / 2, "a repeat refers back to the previous record: " + again.length);
        assertArrayEquals(line, decompress(first));
        assertArrayEquals(line, decompress(again));
    }

    @Test
    void eachRecordDecompressesAsSoonAsItArrives() throws TlsAlertException {
        for (int i = 0; i < 20; i++) {
            byte[] data = ("record " + i).repeat(i + 1).getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(data, decompress(compress(data)));
        }
    }

    @Test
    void garbageIsDecompressionFailure() {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> decompress(new byte[] {1, 2, 3, 4, 5}));
        assertEquals(AlertDescription.DECOMPRESSION_FAILURE, e.description());
    }

    @Test
    void aRecordThatInflatesBeyond2To14IsDecompressionFailure() {
        byte[] bomb = new byte[RecordLimits.MAX_PLAINTEXT_LENGTH + 1];
        Deflater deflater = new Deflater();
        deflater.setInput(bomb);
        byte[] out = new byte[1024];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> decompress(Arrays.copyOf(out, n)));
        assertEquals(AlertDescription.DECOMPRESSION_FAILURE, e.description());
    }

    @Test
    void aFinishedStreamInsideTheConnectionIsDecompressionFailure() {
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[] {1, 2, 3});
        deflater.finish();
        byte[] out = new byte[64];
        int n = deflater.deflate(out);
        deflater.end();
        assertThrows(TlsAlertException.class, () -> decompress(Arrays.copyOf(out, n)));
    }

    @Test
    void compressesThroughTheRecordLayer() throws Exception {
        var wire = new java.io.ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(new java.io.ByteArrayInputStream(new byte[0]), wire, () -> { });
        writer.setPendingWriteState(new ConnectionState(CipherSpec.NULL_WITH_NULL_NULL, RecordProtection.none(),
                CompressionMethod.DEFLATE.newState(true)));
        writer.activatePendingWriteState();
        byte[] text = "a".repeat(5000).getBytes(StandardCharsets.US_ASCII);
        writer.write(ContentType.APPLICATION_DATA, text);
        assertTrue(wire.size() < 200, "5000 repeated bytes compress well: " + wire.size());
        RecordLayer reader = new RecordLayer(new java.io.ByteArrayInputStream(wire.toByteArray()),
                new java.io.ByteArrayOutputStream(), () -> { });
        reader.setPendingReadState(new ConnectionState(CipherSpec.NULL_WITH_NULL_NULL, RecordProtection.none(),
                CompressionMethod.DEFLATE.newState(false)));
        reader.activatePendingReadState();
        assertArrayEquals(text, reader.readRecord().fragment());
    }
}
