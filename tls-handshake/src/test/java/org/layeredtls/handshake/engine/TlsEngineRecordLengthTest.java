package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.record.RecordFraming;

/** {@link TlsEngine#recordLength}: where the next record ends, asked without buffering anything (what SSLEngine.unwrap needs). */
class TlsEngineRecordLengthTest {

    @Test
    void aClientHelloIsMeasuredFromItsHeaderAndNothingIsBuffered() throws IOException {
        TlsEngine client = TlsEngine.client(Tls12Pki.client().build(), "localhost", 443);
        TlsEngine server = TlsEngine.server(Tls12Pki.server().build());
        client.beginHandshake();
        server.beginHandshake();
        byte[] hello = client.readOutput();

        assertEquals(RecordFraming.UNKNOWN, server.recordLength(hello, 0, 4), "four bytes are not a header");
        int length = server.recordLength(hello, 0, 5);
        assertEquals(5 + ((hello[3] & 0xFF) << 8 | hello[4] & 0xFF), length);
        assertEquals(hello.length, length, "the ClientHello flight is one record");
        assertEquals(5, server.inputNeeded(), "asking buffered nothing");
    }

    @Test
    void aHeaderTheRecordLayerRefusesCountsAsAHeaderAloneAndRaisesItsAlertWhenProcessed() throws IOException {
        TlsEngine server = TlsEngine.server(Tls12Pki.server().build());
        server.beginHandshake();
        byte[] tooLong = {22, 3, 3, (byte) 0xFF, (byte) 0xFF};
        assertEquals(5, server.recordLength(tooLong, 0, tooLong.length));

        server.bufferInput(Arrays.copyOf(tooLong, 5), 0, 5);
        TlsAlertException refused = assertThrows(TlsAlertException.class, server::processRecord);
        assertEquals(AlertDescription.RECORD_OVERFLOW, refused.description());
        assertTrue(server.isClosed());
    }
}
