package org.layeredtls.handshake.intercept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;
import org.layeredtls.handshake.testing.Tls12Pki;

/**
 * The server's HelloRequest goes through the handshake interceptor and the observer like every
 * other message; dropping it leaves renegotiate() to the socket's read timeout; and handshake bytes
 * an interceptor left in its current record go out before an alert.
 */
class HelloRequestAndAlertOrderTest {

    private static final int BOUND_MILLIS = 10_000;

    /** Remembers the types of the messages the interceptor was given, the messages the observer saw sent and received, and the records written. */
    private static final class Log implements TlsObserver {
        final List<HandshakeType> intercepted = new CopyOnWriteArrayList<>();
        final List<HandshakeType> sent = new CopyOnWriteArrayList<>();
        final List<HandshakeType> received = new CopyOnWriteArrayList<>();
        final List<ContentType> records = new CopyOnWriteArrayList<>();

        HandshakeInterceptor interceptor(HandshakeType drop) {
            return new HandshakeInterceptor() {
                @Override
                public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                    intercepted.add(message.type());
                    if (message.type() != drop) {
                        HandshakeInterceptor.super.message(message, flight);
                    }
                }
            };
        }

        @Override
        public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
            sent.add(message.type());
        }

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            received.add(message.type());
        }

        @Override
        public void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed, TLSCiphertext ciphertext) {
            records.add(plaintext.type());
        }
    }

    @Test
    void helloRequestGoesThroughTheInterceptorAndTheObserverAndTheRenegotiationCompletes() throws Exception {
        Log server = new Log();
        Log client = new Log();
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                Tls12Pki.server().observer(server).handshakeInterceptor(server.interceptor(null)).build());
             TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Tls12Pki.client().observer(client).build());
             TlsSocket accepted = listener.accept()) {
            bound(socket, accepted);
            CompletableFuture<Integer> clientRead = CompletableFuture.supplyAsync(() -> read(socket)); // answers HelloRequest
            accepted.renegotiate();
            accepted.getOutputStream().write('x');
            assertEquals('x', clientRead.get(BOUND_MILLIS, TimeUnit.MILLISECONDS));
        }
        assertEquals(1, count(server.intercepted, HandshakeType.HELLO_REQUEST), server.intercepted::toString);
        assertEquals(1, count(server.sent, HandshakeType.HELLO_REQUEST), server.sent::toString);
        assertEquals(1, count(client.received, HandshakeType.HELLO_REQUEST), client.received::toString);
        assertEquals(2, count(server.sent, HandshakeType.FINISHED), "renegotiated: HelloRequest was not hashed " + server.sent);
    }

    @Test
    void droppedHelloRequestLeavesRenegotiateToTheReadTimeoutAndTheConnectionUsable() throws Exception {
        Log server = new Log();
        Log client = new Log();
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                Tls12Pki.server().observer(server).handshakeInterceptor(server.interceptor(HandshakeType.HELLO_REQUEST)).build());
             TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Tls12Pki.client().observer(client).build());
             TlsSocket accepted = listener.accept()) {
            bound(socket, accepted);
            accepted.socket().setSoTimeout(1_000);
            CompletableFuture<Integer> clientRead = CompletableFuture.supplyAsync(() -> read(socket));
            assertThrows(SocketTimeoutException.class, accepted::renegotiate);
            // nothing was lost or sent: the connection goes on under the first handshake's keys
            accepted.getOutputStream().write('y');
            assertEquals('y', clientRead.get(BOUND_MILLIS, TimeUnit.MILLISECONDS));
            socket.getOutputStream().write('z');
            assertEquals('z', accepted.getInputStream().read());
        }
        assertEquals(1, count(server.intercepted, HandshakeType.HELLO_REQUEST));
        assertEquals(0, count(server.sent, HandshakeType.HELLO_REQUEST), "dropped: not reported as sent");
        assertEquals(0, count(client.received, HandshakeType.HELLO_REQUEST));
        assertEquals(1, count(client.sent, HandshakeType.CLIENT_HELLO), "the client never renegotiated");
    }

    @Test
    void handshakeBytesLeftInTheInterceptorsRecordGoOutBeforeTheAlert() throws Exception {
        Log server = new Log();
        Log client = new Log();
        HandshakeInterceptor coalesceThenAbort = new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                if (message.type() == HandshakeType.SERVER_HELLO) {
                    flight.send(message.message()); // no flushRecord: it waits for the next message
                } else if (message.type() == HandshakeType.CERTIFICATE) {
                    assertTrue(flight.pendingLength() > 0);
                    throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, TlsLayer.HANDSHAKE, "research: abort mid-flight");
                } else {
                    HandshakeInterceptor.super.message(message, flight);
                }
            }
        };
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                Tls12Pki.server().observer(server).handshakeInterceptor(coalesceThenAbort).build())) {
            CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> {
                try (TlsSocket accepted = listener.accept()) {
                    accepted.socket().setSoTimeout(BOUND_MILLIS);
                    accepted.startHandshake();
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Tls12Pki.client().observer(client).build())) {
                socket.socket().setSoTimeout(BOUND_MILLIS);
                TlsAlertReceivedException received = assertThrows(TlsAlertReceivedException.class, socket::startHandshake);
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, received.description());
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> serverSide.get(BOUND_MILLIS, TimeUnit.MILLISECONDS));
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, assertInstanceOf(TlsAlertException.class, e.getCause()).description());
        }
        assertEquals(List.of(ContentType.HANDSHAKE, ContentType.ALERT), server.records, "the ServerHello's record, then the alert");
        assertEquals(List.of(HandshakeType.SERVER_HELLO), client.received, "our client read the ServerHello before the alert");
    }

    private static void bound(TlsSocket client, TlsSocket server) throws IOException {
        client.socket().setSoTimeout(BOUND_MILLIS);
        server.socket().setSoTimeout(BOUND_MILLIS);
        CompletableFuture<Void> clientHandshake = CompletableFuture.runAsync(() -> {
            try {
                client.startHandshake();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        server.startHandshake();
        clientHandshake.join();
    }

    private static int read(TlsSocket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static int count(List<HandshakeType> types, HandshakeType type) {
        return (int) types.stream().filter(t -> t == type).count();
    }
}
