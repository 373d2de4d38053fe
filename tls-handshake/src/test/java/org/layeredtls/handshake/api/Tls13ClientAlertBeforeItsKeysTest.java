package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.record.ProtocolVersion;

/**
 * A TLS 1.3 client that refuses the server's certificate sends its alert before it has changed its own write keys
 * (it changes them with its second flight, as OpenSSL's client), so in the clear; the server, which already reads
 * under the client's handshake keys, takes that alert until the client's first protected record, as OpenSSL's
 * server does ({@code ENC_READ_STATE_ALLOW_PLAIN_ALERTS}). Before the fix the server refused the record with
 * {@code unexpected_message} and never learnt why the client gave up.
 */
@Timeout(60)
class Tls13ClientAlertBeforeItsKeysTest {

    @Test
    void theServerReceivesTheBadCertificateAlertOfAClientThatRefusesItsName() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(TestCertificates.server().maxVersion(ProtocolVersion.TLS1_3).build())) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            try (TlsSocket client = TlsSocket.connect("127.0.0.1", server.port(), TestCertificates.client()
                    .maxVersion(ProtocolVersion.TLS1_3).serverName("acs.example.net").build())) {
                client.socket().setSoTimeout(20_000);
                assertEquals(AlertDescription.BAD_CERTIFICATE, assertThrows(TlsException.class, client::startHandshake).description());
            }
            Exception failure = HandshakeServer.await(outcome).failure();
            assertEquals(AlertDescription.BAD_CERTIFICATE, assertInstanceOf(TlsAlertReceivedException.class, failure,
                    () -> "the server should have received the client's alert, not " + failure).description());
        }
    }

    @Test
    void afterTheClientsFirstProtectedRecordAnAlertInTheClearIsUnexpectedMessageAgain() throws Exception {
        // a whole handshake: the client's Finished opened under its handshake keys, so the window is closed
        try (HandshakeServer server = HandshakeServer.bind(TestCertificates.server().maxVersion(ProtocolVersion.TLS1_3).build())) {
            Future<HandshakeServer.Outcome> outcome = server.accept(socket -> {
                socket.startHandshake();
                return new HandshakeServer.Outcome(socket.session(),
                        assertThrows(TlsException.class, () -> socket.getInputStream().read()));
            });
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port());
                 TlsSocket client = TlsSocket.client(raw, TestCertificates.client().maxVersion(ProtocolVersion.TLS1_3).build())) {
                raw.setSoTimeout(20_000);
                client.startHandshake();
                // a fatal handshake_failure alert record in the clear, under the client's application keys
                raw.getOutputStream().write(new byte[] {21, 3, 3, 0, 2, 2, 40});
                raw.getOutputStream().flush();
                assertEquals(AlertDescription.UNEXPECTED_MESSAGE, HandshakeServer.await(outcome).failure() instanceof TlsException e
                        ? e.description() : null, () -> "the server read a plaintext alert after the handshake");
            }
        }
    }
}
