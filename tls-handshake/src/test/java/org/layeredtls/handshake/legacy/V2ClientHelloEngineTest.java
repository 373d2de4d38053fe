package org.layeredtls.handshake.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.record.ContentType;

/**
 * A server engine frames an SSLv2-compatible ClientHello by its 2-byte header (RFC 5246 Appendix E.2):
 * offered one byte at a time, it waits for the whole record, then answers with its ServerHello flight.
 */
class V2ClientHelloEngineTest {

    @Test
    void aServerEngineWaitsForTheWholeV2HelloRecordThenAnswers() throws IOException {
        byte[] hello = V2Hellos.raw(0x0303, V2Hellos.specs(0x00002F), new byte[0], V2Hellos.bytes(1, 32));
        TlsEngine server = TlsEngine.server(V2ClientHelloServerTest.serverConfig().build());
        server.beginHandshake();
        for (int i = 0; i < hello.length - 1; i++) {
            server.offerInput(hello, i, 1);
            assertEquals(0, server.pendingOutput(), "an answer after " + (i + 1) + " of " + hello.length + " bytes");
        }
        server.offerInput(hello, hello.length - 1, 1);
        byte[] flight = server.readOutput();
        assertTrue(flight.length > 0, "no answer to the whole record");
        assertEquals(ContentType.HANDSHAKE.code(), flight[0], "the flight starts with a handshake record");
        assertEquals(2, flight[5], "ServerHello (msg_type 2) first");
    }
}
