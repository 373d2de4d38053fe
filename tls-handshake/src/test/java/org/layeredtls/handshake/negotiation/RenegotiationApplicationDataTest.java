package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.testing.HandshakeServer;

/**
 * RFC 5246 §7.4.9: the Finished comes immediately after the ChangeCipherSpec. Application data in
 * between, during a renegotiation, is unexpected_message (before the fix the receiver queued it and
 * waited for the Finished forever). The renegotiation is started by the server (HelloRequest).
 */
@Timeout(120)
class RenegotiationApplicationDataTest {

    /**
     * Our server renegotiates after the first handshake, then reads; returns the alert that ends the
     * connection (its own, or the client's when the server's side of the renegotiation completed first).
     */
    private static Future<AlertDescription> renegotiatingServer(HandshakeServer listener) {
        return listener.accept(socket -> {
            socket.startHandshake();
            return assertThrows(TlsException.class, () -> {
                socket.renegotiate();
                socket.getInputStream().read();
            }).description();
        });
    }

    @Test
    void applicationDataBetweenTheClientsChangeCipherSpecAndFinishedIsUnexpectedMessage() throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) {
            Future<AlertDescription> server = renegotiatingServer(listener);
            TlsConfig client = Tls12Pki.client().handshakeInterceptor(NegotiationAttacks.applicationDataBeforeSecondFinished()).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), client)) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                        assertThrows(TlsException.class, () -> socket.getInputStream().read()).description());
            }
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, HandshakeServer.await(server));
        }
    }

    /** A server that sends application data before its renegotiation Finished (the interceptor counts per connection). */
    private static TlsConfig injectingServer() {
        return Tls12Pki.server().handshakeInterceptor(NegotiationAttacks.applicationDataBeforeSecondFinished()).build();
    }

    @Test
    void applicationDataBetweenTheServersChangeCipherSpecAndFinishedIsUnexpectedMessageToUsAndToOpenSsl() throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(injectingServer(), HandshakeServer.BOUND)) {
            Future<AlertDescription> renegotiation = renegotiatingServer(listener);
            try (OpenSslProcess client = OpenSslProcess.client(listener.port(), "-tls1_2", "-CAfile", Pki.caPem().toString())) {
                assertEquals(AlertDescription.UNEXPECTED_MESSAGE, HandshakeServer.await(renegotiation),
                        client::output);
            }
        }
        try (HandshakeServer listener = HandshakeServer.bind(injectingServer(), HandshakeServer.BOUND)) {
            Future<AlertDescription> renegotiation = renegotiatingServer(listener);
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), Tls12Pki.client().build())) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                        assertThrows(TlsException.class, () -> socket.getInputStream().read()).description());
            }
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, HandshakeServer.await(renegotiation));
        }
    }
}
