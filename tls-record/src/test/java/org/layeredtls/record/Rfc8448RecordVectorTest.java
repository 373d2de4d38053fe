package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoBackend;

/**
 * The TLS 1.3 records of RFC 8448 §3 ("Simple 1-RTT Handshake", TLS_AES_128_GCM_SHA256): with the
 * traffic keys and ivs the trace gives, our record layer writes the trace's records byte for byte
 * and reads them back to the trace's plaintext and inner content type, on both crypto backends.
 */
class Rfc8448RecordVectorTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    // {client} derive write traffic keys for handshake data
    private static final byte[] CLIENT_HANDSHAKE_KEY = hex("db fa a6 93 d1 76 2c 5b 66 6a f5 d9 50 25 8d 01");
    private static final byte[] CLIENT_HANDSHAKE_IV = hex("5b d3 c7 1b 83 6e 0b 76 bb 73 26 5f");
    // {client} send handshake record: the Finished message, then the complete record
    private static final byte[] CLIENT_FINISHED = hex("14 00 00 20 a8 ec 43 6d 67 76 34 ae 52 5a c1 fc eb e1 1a 03"
            + " 9e c1 76 94 fa c6 e9 85 27 b6 42 f2 ed d5 ce 61");
    private static final byte[] CLIENT_FINISHED_RECORD = hex("17 03 03 00 35 75 ec 4d c2 38 cc e6 0b 29 80 44 a7 1e"
            + " 21 9c 56 cc 77 b0 51 7f e9 b9 3c 7a 4b fc 44 d8 7f 38 f8 03 38 ac 98 fc 46 de b3 84 bd 1c ae ac ab 68"
            + " 67 d7 26 c4 05 46");

    // {client} derive write traffic keys for application data
    private static final byte[] CLIENT_APPLICATION_KEY = hex("17 42 2d da 59 6e d5 d9 ac d8 90 e3 c6 3f 50 51");
    private static final byte[] CLIENT_APPLICATION_IV = hex("5b 78 92 3d ee 08 57 90 33 e5 23 d9");
    // {client} send application_data record: 00 01 ... 31, the client's first application record
    private static final byte[] CLIENT_APPLICATION_RECORD = hex("17 03 03 00 43 a2 3f 70 54 b6 2c 94 d0 af fa fe"
            + " 82 28 ba 55 cb ef ac ea 42 f9 14 aa 66 bc ab 3f 2b 98 19 a8 a5 b4 6b 39 5b d5 4a 9a 20 44 1e 2b 62 97"
            + " 4e 1f 5a 62 92 a2 97 70 14 bd 1e 3d ea e6 3a ee bb 21 69 49 15 e4");

    // {server} derive write traffic keys for application data
    private static final byte[] SERVER_APPLICATION_KEY = hex("9f 02 28 3b 6c 9c 07 ef c2 6b b9 f2 ac 92 e3 56");
    private static final byte[] SERVER_APPLICATION_IV = hex("cf 78 2b 88 dd 83 54 9a ad f1 e9 84");
    // {server} send application_data record: the same 50 bytes, after the NewSessionTicket (sequence 1)
    private static final byte[] SERVER_APPLICATION_RECORD = hex("17 03 03 00 43 2e 93 7e 11 ef 4a c7 40 e5 38 ad"
            + " 36 00 5f c4 a4 69 32 fc 32 25 d0 5f 82 aa 1b 36 e3 0e fa f9 7d 90 e6 df fc 60 2d cb 50 1a 59 a8 fc c4"
            + " 9c 4b f2 e5 f0 a2 1c 00 47 c2 ab f3 32 54 0d d0 32 e1 67 c2 95 5d");

    private static byte[] hex(String text) {
        return HEX.parseHex(text);
    }

    /** The 50 bytes both sides send in the trace: 00 01 02 ... 31. */
    private static byte[] applicationData() {
        return ProtectionScheme.pattern(0, 0x32);
    }

    private static byte[] written(ConnectionState state, ContentType type, byte[] content) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        writer.installWriteState(state);
        writer.write(type, content);
        return wire.toByteArray();
    }

    private static TLSPlaintext read(ConnectionState state, byte[] record) throws IOException {
        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(record), OutputStream.nullOutputStream(), () -> { });
        reader.installReadState(state);
        return reader.readRecord();
    }

    private static ConnectionState aes128Gcm(byte[] key, byte[] iv, CryptoBackend backend) {
        return ConnectionState.tls13(BulkCipherAlgorithm.AES_128_GCM, key, iv, backend);
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void writesTheClientFinishedRecordOfTheTrace(CryptoBackend backend) throws IOException {
        assertArrayEquals(CLIENT_FINISHED_RECORD, written(aes128Gcm(CLIENT_HANDSHAKE_KEY, CLIENT_HANDSHAKE_IV, backend),
                ContentType.HANDSHAKE, CLIENT_FINISHED));
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void readsTheClientFinishedRecordAsAHandshakeRecord(CryptoBackend backend) throws IOException {
        TLSPlaintext record = read(aes128Gcm(CLIENT_HANDSHAKE_KEY, CLIENT_HANDSHAKE_IV, backend), CLIENT_FINISHED_RECORD);
        assertEquals(new TLSPlaintext(ContentType.HANDSHAKE, ProtocolVersion.TLS1_2, CLIENT_FINISHED), record);
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void writesAndReadsTheClientApplicationDataRecord(CryptoBackend backend) throws IOException {
        assertArrayEquals(CLIENT_APPLICATION_RECORD, written(
                aes128Gcm(CLIENT_APPLICATION_KEY, CLIENT_APPLICATION_IV, backend), ContentType.APPLICATION_DATA,
                applicationData()));
        assertEquals(new TLSPlaintext(ContentType.APPLICATION_DATA, ProtocolVersion.TLS1_2, applicationData()),
                read(aes128Gcm(CLIENT_APPLICATION_KEY, CLIENT_APPLICATION_IV, backend), CLIENT_APPLICATION_RECORD));
    }

    /** Sequence number 1: the nonce is the iv XOR 1, not the iv itself. */
    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void writesAndReadsTheServerApplicationDataRecordAtSequenceNumberOne(CryptoBackend backend) throws IOException {
        assertArrayEquals(SERVER_APPLICATION_RECORD, written(
                aes128Gcm(SERVER_APPLICATION_KEY, SERVER_APPLICATION_IV, backend).startingAt(1),
                ContentType.APPLICATION_DATA, applicationData()));
        assertEquals(new TLSPlaintext(ContentType.APPLICATION_DATA, ProtocolVersion.TLS1_2, applicationData()),
                read(aes128Gcm(SERVER_APPLICATION_KEY, SERVER_APPLICATION_IV, backend).startingAt(1),
                        SERVER_APPLICATION_RECORD));
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void theServerRecordDoesNotOpenAtSequenceNumberZero(CryptoBackend backend) {
        TlsAlertException refused = assertThrows(TlsAlertException.class, () -> read(
                aes128Gcm(SERVER_APPLICATION_KEY, SERVER_APPLICATION_IV, backend), SERVER_APPLICATION_RECORD));
        assertEquals(AlertDescription.BAD_RECORD_MAC, refused.alert().description());
    }
}
