package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.OpenSslProcess;
import org.layeredtls.handshake.intercept.Pki;

/**
 * RFC 5246 §7.4.9: the Finished comes immediately after the ChangeCipherSpec. Application data in
 * between, during a renegotiation, is unexpected_message (before the fix the receiver queued it and
 * waited for the Finished forever). The renegotiation is started by the server (HelloRequest).
 */
@Timeout(120)
class RenegotiationApplicationDataTest {

    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /**
     * Our server renegotiates after the first handshake, then reads; returns the alert that ends the
     * connection (its own, or the client's when the server's side of the renegotiation completed first).
     */
    private Future<AlertDescription> renegotiatingServer(TlsServerSocket listener) {
        return background.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                socket.startHandshake();
                return assertThrows(TlsException.class, () -> {
                    socket.renegotiate();
                    socket.getInputStream().read();
                }).description();
            }
        });
    }

    @Test
    void applicationDataBetweenTheClientsChangeCipherSpecAndFinishedIsUnexpectedMessage() throws Exception {
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Pki.server().build())) {
            Future<AlertDescription> server = renegotiatingServer(listener);
            TlsConfig client = Pki.client().handshakeInterceptor(NegotiationAttacks.applicationDataBeforeSecondFinished()).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), client)) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                        assertThrows(TlsException.class, () -> socket.getInputStream().read()).description());
            }
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, server.get(RawTls.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    /** A server that sends application data before its renegotiation Finished (the interceptor counts per connection). */
    private static TlsConfig injectingServer() {
        return Pki.server().handshakeInterceptor(NegotiationAttacks.applicationDataBeforeSecondFinished()).build();
    }

    @Test
    void applicationDataBetweenTheServersChangeCipherSpecAndFinishedIsUnexpectedMessageToUsAndToOpenSsl() throws Exception {
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, injectingServer())) {
            Future<AlertDescription> renegotiation = renegotiatingServer(listener);
            try (OpenSslProcess client = OpenSslProcess.client(listener.getLocalPort(), "-tls1_2", "-CAfile", Pki.caPem().toString())) {
                assertEquals(AlertDescription.UNEXPECTED_MESSAGE, renegotiation.get(RawTls.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS),
                        client::output);
            }
        }
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, injectingServer())) {
            Future<AlertDescription> renegotiation = renegotiatingServer(listener);
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Pki.client().build())) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                        assertThrows(TlsException.class, () -> socket.getInputStream().read()).description());
            }
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, renegotiation.get(RawTls.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        }
    }
}
