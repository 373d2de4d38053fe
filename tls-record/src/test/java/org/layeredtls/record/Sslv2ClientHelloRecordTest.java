package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;

/** The record layer's side of the SSLv2-compatible ClientHello (RFC 5246 Appendix E.2): the first record only. */
class Sslv2ClientHelloRecordTest {

    private static final HexFormat HEX = HexFormat.of();
    // msg_type 1, version {3,3}, one cipher spec {0,0,0x2F}, no session_id, a 16-byte challenge
    private static final byte[] MESSAGE = HEX.parseHex("010303000300000010" + "00002f" + "000102030405060708090a0b0c0d0e0f");
    private static final byte[] V2_RECORD = concat(new byte[] {(byte) 0x80, (byte) MESSAGE.length}, MESSAGE);
    private static final byte[] TLS_RECORD = HEX.parseHex("1603010002" + "0e00");

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static RecordLayer readerOf(byte[] bytes) {
        return new RecordLayer(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(), () -> { });
    }

    @Test
    void readsTheMessageAfterTheTwoByteHeader() throws IOException {
        RecordLayer reader = readerOf(concat(V2_RECORD, TLS_RECORD));
        assertTrue(reader.isAtFirstRecord());
        assertArrayEquals(MESSAGE, reader.readSslv2ClientHello());
        assertFalse(reader.isAtFirstRecord());
        TLSPlaintext next = reader.readRecord();
        assertEquals(ContentType.HANDSHAKE, next.type(), "the records after it are TLS records");
        assertArrayEquals(new byte[] {0x0e, 0}, next.fragment());
    }

    @Test
    void aTlsFirstRecordIsLeftWholeForReadRecord() throws IOException {
        RecordLayer reader = readerOf(TLS_RECORD);
        assertNull(reader.readSslv2ClientHello());
        TLSPlaintext record = reader.readRecord();
        assertEquals(ContentType.HANDSHAKE, record.type());
        assertArrayEquals(new byte[] {0x0e, 0}, record.fragment());
        assertNull(reader.readRecord());
    }

    @Test
    void anEmptyStreamIsTheEndOfTheStream() throws IOException {
        RecordLayer reader = readerOf(new byte[0]);
        assertNull(reader.readSslv2ClientHello());
        assertNull(reader.readRecord());
    }

    @Test
    void aStreamEndingInsideTheHeaderIsAnEofException() {
        assertThrows(EOFException.class, () -> readerOf(new byte[] {(byte) 0x80, 0x22}).readSslv2ClientHello());
    }

    @Test
    void aHighBitWithoutMsgTypeOneIsNotAV2HelloButAnUnknownContentType() throws IOException {
        byte[] record = V2_RECORD.clone();
        record[2] = 2; // msg_type 2: OpenSSL too reads it as a TLS record
        RecordLayer reader = readerOf(record);
        assertNull(reader.readSslv2ClientHello());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                assertThrows(TlsAlertException.class, reader::readRecord).description());
    }

    @Test
    void aRecordShorterThanTheFixedFieldsIsDecodeError() {
        byte[] record = {(byte) 0x80, 8, 1, 3, 3, 0, 3, 0, 0, 0};
        assertEquals(AlertDescription.DECODE_ERROR,
                assertThrows(TlsAlertException.class, () -> readerOf(record).readSslv2ClientHello()).description());
    }

    @Test
    void aRecordLongerThanAPlaintextRecordIsRecordOverflowBeforeItIsRead() {
        byte[] header = {(byte) (0x80 | 0x40), 0x01, 1, 3, 3}; // 16385 bytes announced, 3 sent
        assertEquals(AlertDescription.RECORD_OVERFLOW,
                assertThrows(TlsAlertException.class, () -> readerOf(header).readSslv2ClientHello()).description());
    }

    @Test
    void aRecordOfExactlyTheLimitIsRead() throws IOException {
        byte[] message = new byte[RecordLimits.MAX_PLAINTEXT_LENGTH];
        System.arraycopy(MESSAGE, 0, message, 0, MESSAGE.length);
        byte[] record = concat(new byte[] {(byte) (0x80 | 0x40), 0}, message);
        assertArrayEquals(message, readerOf(record).readSslv2ClientHello());
    }

    @Test
    void onlyTheFirstRecordMayBeOne() throws IOException {
        RecordLayer reader = readerOf(concat(TLS_RECORD, V2_RECORD));
        reader.readRecord();
        assertThrows(IllegalStateException.class, reader::readSslv2ClientHello);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                assertThrows(TlsAlertException.class, reader::readRecord).description(), "0x80 is no content type");
    }

    @Test
    void observersSeeTheHeaderAndTheMessageAndNoTlsPlaintext() throws IOException {
        List<String> events = new ArrayList<>();
        RecordLayer reader = readerOf(V2_RECORD);
        reader.setObserver(new RecordObserver() {
            @Override
            public void sslv2RecordRead(byte[] header, byte[] message) {
                events.add(HEX.formatHex(header) + " " + HEX.formatHex(message));
            }

            @Override
            public void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed,
                                   TLSPlaintext plaintext) {
                events.add("recordRead");
            }
        });
        reader.readSslv2ClientHello();
        assertEquals(List.of("801c " + HEX.formatHex(MESSAGE)), events, "high bit, length 28");
        assertEquals(1, reader.readState().sequenceNumber(), "it took sequence number 0, as any record does");
    }

    @Property(tries = 500)
    void anyFirstBytesGiveAMessageNullOrAnAlert(@ForAll @Size(max = 300) byte[] junk, @ForAll boolean v2Start)
            throws IOException {
        byte[] bytes = junk.clone();
        if (v2Start && bytes.length >= 3) { // an SSL 2.0 header and msg_type 1, then anything
            bytes[0] |= (byte) 0x80;
            bytes[2] = 1;
        }
        RecordLayer reader = readerOf(bytes);
        try {
            byte[] message = reader.readSslv2ClientHello();
            if (message != null) {
                assertEquals((((bytes[0] & 0x7F) << 8) | (bytes[1] & 0xFF)), message.length);
                assertArrayEquals(Arrays.copyOfRange(bytes, 2, 2 + message.length), message);
            }
        } catch (TlsAlertException alert) { // only the two checks of the SSL 2.0 header
            assertTrue(List.of(AlertDescription.DECODE_ERROR, AlertDescription.RECORD_OVERFLOW).contains(alert.description()),
                    alert::toString);
        } catch (EOFException cutShort) { // fewer bytes than a header, or than the header announces
            assertTrue(bytes.length < RecordLimits.HEADER_LENGTH
                    || bytes.length < 2 + (((bytes[0] & 0x7F) << 8) | (bytes[1] & 0xFF)), cutShort::toString);
        }
    }
}
