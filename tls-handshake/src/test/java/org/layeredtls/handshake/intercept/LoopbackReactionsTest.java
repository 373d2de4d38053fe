package org.layeredtls.handshake.intercept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.research.Attacks;

/** The same attacks as {@link OpenSslReactionsTest}, our client against our server: the alert our server sends, and the one our client receives. */
class LoopbackReactionsTest {

    private static final int BOUND_MILLIS = 10_000;

    @Test
    void ourServerAnswersATamperedClientFinishedWithDecryptError() throws Exception {
        assertBothSee(AlertDescription.DECRYPT_ERROR, Tls12Pki.client().handshakeInterceptor(Attacks.tamperFinished()));
    }

    @Test
    void ourServerAnswersAChangeCipherSpecRightAfterClientHelloWithUnexpectedMessage() throws Exception {
        assertBothSee(AlertDescription.UNEXPECTED_MESSAGE,
                Tls12Pki.client().handshakeInterceptor(Attacks.earlyChangeCipherSpecAfter(HandshakeType.CLIENT_HELLO)));
    }

    @Test
    void ourServerAnswersAFlippedBitInTheClientFinishedRecordWithBadRecordMac() throws Exception {
        assertBothSee(AlertDescription.BAD_RECORD_MAC, Tls12Pki.client().recordInterceptor(Attacks.flipBitInFirstProtectedRecord()));
    }

    @Test
    void ourTls12OnlyServerAnswersAClientHelloDowngradedToTls10WithProtocolVersion() throws Exception {
        assertBothSee(AlertDescription.PROTOCOL_VERSION,
                Tls12Pki.client().handshakeInterceptor(Attacks.helloVersionTls10(HandshakeType.CLIENT_HELLO)));
    }

    @Test
    void ourClientWaitsWhenOurServerDropsServerHelloDone() throws Exception {
        TlsConfig server = Tls12Pki.server().handshakeInterceptor(Attacks.drop(HandshakeType.SERVER_HELLO_DONE)).build();
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, server)) {
            CompletableFuture<Void> serverSide = serve(listener, 2_000);
            try (TlsSocket client = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Tls12Pki.client().build())) {
                client.socket().setSoTimeout(1_000);
                assertThrows(SocketTimeoutException.class, client::startHandshake);
            }
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> serverSide.get(BOUND_MILLIS, TimeUnit.MILLISECONDS));
            assertInstanceOf(IOException.class, e.getCause(), "the server never gets a ClientKeyExchange");
        }
    }

    /** Runs the attack from our client; asserts our server sent {@code expected} and our client received it. */
    private static void assertBothSee(AlertDescription expected, TlsConfig.Builder client) throws Exception {
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Tls12Pki.server().build())) {
            CompletableFuture<Void> serverSide = serve(listener, BOUND_MILLIS);
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), client.build())) {
                socket.socket().setSoTimeout(BOUND_MILLIS);
                TlsAlertReceivedException received = assertThrows(TlsAlertReceivedException.class, () -> {
                    socket.startHandshake();
                    socket.getInputStream().read();
                });
                assertEquals(expected, received.description());
            }
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> serverSide.get(BOUND_MILLIS, TimeUnit.MILLISECONDS));
            TlsAlertException sent = assertInstanceOf(TlsAlertException.class, e.getCause());
            assertEquals(expected, sent.description());
        }
    }

    private static CompletableFuture<Void> serve(TlsServerSocket listener, int timeoutMillis) {
        return CompletableFuture.runAsync(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.socket().setSoTimeout(timeoutMillis);
                socket.startHandshake();
                socket.getInputStream().read();
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }
}
