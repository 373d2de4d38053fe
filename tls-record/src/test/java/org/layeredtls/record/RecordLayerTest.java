package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

class RecordLayerTest {

    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final RecordLayer writer = new RecordLayer(InputStreamOf.EMPTY, wire, () -> { });

    private RecordLayer readerOf(byte[] bytes) {
        return new RecordLayer(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(), () -> { });
    }

    private static byte[] record(int type, int major, int minor, byte[] fragment) {
        byte[] out = new byte[5 + fragment.length];
        out[0] = (byte) type;
        out[1] = (byte) major;
        out[2] = (byte) minor;
        out[3] = (byte) (fragment.length >>> 8);
        out[4] = (byte) fragment.length;
        System.arraycopy(fragment, 0, out, 5, fragment.length);
        return out;
    }

    private static TlsAlertException alertOf(RecordLayer reader) {
        return assertThrows(TlsAlertException.class, reader::readRecord);
    }

    @Test
    void writesTheFiveByteHeaderThenTheFragment() throws IOException {
        writer.setWriteVersion(ProtocolVersion.TLS1_2);
        writer.write(ContentType.HANDSHAKE, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {22, 3, 3, 0, 3, 1, 2, 3}, wire.toByteArray());
    }

    @Test
    void fragmentsAtTheLimitAndNeverMixesContentTypes() throws IOException {
        writer.setSendFragmentLimit(512);
        byte[] data = new byte[1300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        writer.write(ContentType.APPLICATION_DATA, data);
        writer.write(ContentType.ALERT, new byte[] {1, 0});
        RecordLayer reader = readerOf(wire.toByteArray());
        List<Integer> lengths = new ArrayList<>();
        ByteArrayOutputStream appData = new ByteArrayOutputStream();
        TLSPlaintext record;
        while ((record = reader.readRecord()) != null && record.type() == ContentType.APPLICATION_DATA) {
            lengths.add(record.length());
            appData.writeBytes(record.fragment());
        }
        assertEquals(List.of(512, 512, 276), lengths);
        assertArrayEquals(data, appData.toByteArray());
        assertEquals(ContentType.ALERT, record.type());
        assertNull(reader.readRecord());
    }

    @Test
    void acceptsAnEmptyApplicationDataRecord() throws IOException {
        TLSPlaintext record = readerOf(record(23, 3, 3, new byte[0])).readRecord();
        assertEquals(0, record.length());
        assertEquals(ContentType.APPLICATION_DATA, record.type());
    }

    @Test
    void rejectsEmptyHandshakeAlertAndChangeCipherSpecRecordsWithUnexpectedMessage() {
        for (int type : new int[] {20, 21, 22}) {
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertOf(readerOf(record(type, 3, 3, new byte[0]))).description());
        }
        assertThrows(IllegalArgumentException.class, () -> writer.write(ContentType.HANDSHAKE, new byte[0]));
    }

    @Test
    void rejectsAnUnknownContentTypeWithUnexpectedMessage() {
        TlsAlertException e = alertOf(readerOf(record(24, 3, 3, new byte[] {1})));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.description());
        assertEquals(TlsLayer.RECORD, e.layer());
    }

    @Test
    void rejectsRecordLongerThan2To14PlusCompressionAndProtectionExpansion() {
        byte[] header = {23, 3, 3, (byte) ((16384 + 2049) >>> 8), (byte) (16384 + 2049)};
        // Only the header is there: the length is refused before the fragment is read.
        assertEquals(AlertDescription.RECORD_OVERFLOW, alertOf(readerOf(header)).description());
    }

    @Test
    void rejectsAPlaintextLongerThan2To14WithRecordOverflow() {
        assertEquals(AlertDescription.RECORD_OVERFLOW,
                alertOf(readerOf(record(23, 3, 3, new byte[16385]))).description());
    }

    @Test
    void acceptsAPlaintextOfExactly2To14() throws IOException {
        assertEquals(16384, readerOf(record(23, 3, 3, new byte[16384])).readRecord().length());
    }

    @Test
    void honoursANegotiatedReceiveLimit() throws IOException {
        RecordLayer reader = readerOf(record(23, 3, 3, new byte[513]));
        reader.setReceiveFragmentLimit(512);
        assertEquals(AlertDescription.RECORD_OVERFLOW, alertOf(reader).description());
        RecordLayer fits = readerOf(record(23, 3, 3, new byte[512]));
        fits.setReceiveFragmentLimit(512);
        assertEquals(512, fits.readRecord().length());
        assertThrows(IllegalArgumentException.class, () -> fits.setReceiveFragmentLimit(62));
    }

    @Test
    void rejectsANonTlsVersionAndOnceNegotiatedAnyOtherVersionWithProtocolVersion() throws IOException {
        assertEquals(AlertDescription.PROTOCOL_VERSION, alertOf(readerOf(record(22, 2, 0, new byte[] {1}))).description());
        RecordLayer reader = readerOf(record(22, 3, 1, new byte[] {1}));
        reader.setRequiredReadVersion(ProtocolVersion.TLS1_2);
        assertEquals(AlertDescription.PROTOCOL_VERSION, alertOf(reader).description());
        assertEquals(ProtocolVersion.TLS1_0, readerOf(record(22, 3, 1, new byte[] {1})).readRecord().version());
    }

    @Test
    void aStreamEndingBetweenRecordsIsEndOfStreamAndInsideARecordIsEof() throws IOException {
        assertNull(readerOf(new byte[0]).readRecord());
        assertThrows(EOFException.class, () -> readerOf(new byte[] {23, 3}).readRecord());
        assertThrows(EOFException.class, () -> readerOf(new byte[] {23, 3, 3, 0, 5, 1}).readRecord());
    }

    @Test
    void aChangeCipherSpecBeforeThePendingStateExistsIsUnexpectedMessage() {
        TlsAlertException e = assertThrows(TlsAlertException.class, writer::activatePendingReadState);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.description());
        assertThrows(IllegalStateException.class, writer::activatePendingWriteState);
    }

    @Test
    void aNewCurrentStateStartsItsSequenceNumberAtZero() throws IOException {
        writer.write(ContentType.HANDSHAKE, new byte[] {1});
        writer.write(ContentType.HANDSHAKE, new byte[] {2});
        assertEquals(2, writer.writeState().sequenceNumber());
        writer.setPendingWriteState(ConnectionState.initial());
        writer.activatePendingWriteState();
        assertEquals(0, writer.writeState().sequenceNumber());
    }

    @Test
    void refusesToWrapTheSequenceNumber() throws IOException {
        writer.writeState().startingAt(-2L); // 2^64 - 2
        writer.write(ContentType.APPLICATION_DATA, new byte[] {1});
        writer.write(ContentType.APPLICATION_DATA, new byte[] {2}); // 2^64 - 1, the last number
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> writer.write(ContentType.APPLICATION_DATA, new byte[] {3}));
        assertTrue(e.getMessage().contains("wrap"));
    }

    @Test
    void reportsEveryRecordInItsThreeFormsToTheObserver() throws IOException {
        List<String> seen = new ArrayList<>();
        writer.setObserver(new RecordObserver() {
            @Override
            public void recordWritten(long seq, TLSPlaintext p, TLSCompressed c, TLSCiphertext ct) {
                seen.add(seq + " " + p.type() + " " + p.length() + "/" + c.length() + "/" + ct.length());
            }
        });
        writer.write(ContentType.APPLICATION_DATA, new byte[10]);
        writer.write(ContentType.ALERT, new byte[] {1, 0});
        assertEquals(List.of("0 application_data 10/10/10", "1 alert 2/2/2"), seen);
    }

    @Test
    void theDispatcherHandsEachTypeToItsConsumerAndRefusesTypesNobodyConsumes() throws IOException {
        writer.write(ContentType.HANDSHAKE, new byte[] {1});
        writer.write(ContentType.APPLICATION_DATA, new byte[] {2});
        RecordDispatcher dispatcher = new RecordDispatcher(readerOf(wire.toByteArray()));
        List<String> got = new ArrayList<>();
        dispatcher.on(ContentType.HANDSHAKE, r -> got.add("handshake " + r.fragment()[0]));
        assertTrue(dispatcher.dispatchNext());
        assertEquals(List.of("handshake 1"), got);
        TlsAlertException e = assertThrows(TlsAlertException.class, dispatcher::dispatchNext);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.description());
    }

    /** An input stream with nothing in it. */
    static final class InputStreamOf {
        static final ByteArrayInputStream EMPTY = new ByteArrayInputStream(new byte[0]);
    }
}
