package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;

/**
 * TlsConfig.handshakeTimeout: a handshake that does not complete in time ends with a fatal
 * handshake_failure, on either side, whatever the peer does (nothing, one byte at a time, a
 * dropped Finished); the application's own shorter SO_TIMEOUT still fires as before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandshakeTimeoutLimitTest {

    private static final Duration SHORT = Duration.ofMillis(800);
    private static final AlertDescription HANDSHAKE_FAILURE = AlertDescription.HANDSHAKE_FAILURE;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HandshakeServer listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        threads.shutdownNow();
    }

    private Future<HandshakeServer.Outcome> serverHandshake(TlsConfig config) throws IOException {
        listener = HandshakeServer.bind(config);
        return listener.acceptOne();
    }

    @Test
    void aServerWhoseClientStopsAfterItsClientHelloSendsAFatalHandshakeFailureWhenTheTimeoutFires() throws Exception {
        Future<HandshakeServer.Outcome> server = serverHandshake(Tls12Pki.server().handshakeTimeout(SHORT).build());
        byte[] hello = CapturedClientHello.of(Tls12Pki.client().build());
        try (RawPeer peer = RawPeer.connect(listener.port())) {
            long start = System.nanoTime();
            peer.send(hello).awaitAlert(HandshakeServer.BOUND).assertFatal(HANDSHAKE_FAILURE, "silent client");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis >= SHORT.toMillis() - 50 && tookMillis < 10_000, "the alert came after " + tookMillis + " ms");
        }
        TlsAlertException sent = assertInstanceOf(TlsAlertException.class, HandshakeServer.failureOf(server));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, sent.description());
        assertTrue(sent.getMessage().contains("handshake timeout"), sent.getMessage());
    }

    @Test
    void aClientTricklingOneByteAtATimeGainsNothing() throws Exception {
        Future<HandshakeServer.Outcome> server = serverHandshake(Tls12Pki.server().handshakeTimeout(SHORT).build());
        byte[] hello = CapturedClientHello.of(Tls12Pki.client().build());
        try (RawPeer peer = RawPeer.connect(listener.port())) {
            // One byte, then up to 100 ms waiting for the server to give up: each read alone would
            // never time out, only the handshake as a whole does.
            for (int i = 0; i < hello.length - 1 && !server.isDone(); i++) {
                peer.send(new byte[] {hello[i]});
                try {
                    server.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    // next byte
                }
            }
            assertTrue(server.isDone(), "the server still waits after the whole ClientHello but one byte");
        }
        TlsAlertException sent = assertInstanceOf(TlsAlertException.class, HandshakeServer.failureOf(server));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, sent.description());
    }

    @Test
    void aClientWhoseServerNeverAnswersEndsWithAFatalHandshakeFailure() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Reply> seen = threads.submit(() -> {
                try (RawPeer accepted = RawPeer.over(silent.accept())) {
                    return accepted.awaitAlert(HandshakeServer.BOUND); // reads the ClientHello, answers nothing
                }
            });
            TlsSocket client = TlsSocket.connect("127.0.0.1", silent.getLocalPort(), Tls12Pki.client().handshakeTimeout(SHORT).build());
            TlsAlertException e = assertThrows(TlsAlertException.class, client::startHandshake);
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.description());
            client.close();
            HandshakeServer.await(seen).assertFatal(HANDSHAKE_FAILURE, "what the silent server got");
        }
    }

    /** A server that never sends its Finished. */
    private static final HandshakeInterceptor DROP_FINISHED = new HandshakeInterceptor() {
        @Override
        public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
            if (message.message().type() != HandshakeType.FINISHED) {
                flight.send(message.message());
                flight.flushRecord();
            }
        }
    };

    @Test
    void aDroppedFinishedNoLongerHangsTheClient() throws Exception {
        listener = HandshakeServer.bind(Tls12Pki.server().handshakeInterceptor(DROP_FINISHED).build());
        Future<TlsAlertReceivedException> server = listener.accept(socket -> {
            socket.startHandshake(); // done, as far as the server knows
            return assertThrows(TlsAlertReceivedException.class, () -> socket.getInputStream().read());
        });
        TlsSocket client = TlsSocket.connect("127.0.0.1", listener.port(), Tls12Pki.client().handshakeTimeout(SHORT).build());
        TlsAlertException e = assertThrows(TlsAlertException.class, client::startHandshake);
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.description());
        client.close();
        TlsAlertReceivedException received = assertInstanceOf(TlsAlertReceivedException.class, HandshakeServer.await(server));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, received.alert().description());
    }

    @Test
    void theApplicationsShorterSoTimeoutStillFiresAsASocketTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Socket> accepted = threads.submit(silent::accept);
            TlsSocket client = TlsSocket.connect("127.0.0.1", silent.getLocalPort(), Tls12Pki.client().build()); // 30 s default
            client.socket().setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, client::startHandshake);
            assertEquals(300, client.socket().getSoTimeout(), "the application's timeout is put back");
            client.close();
            HandshakeServer.await(accepted).close();
        }
    }

    @Test
    void theDefaultIsThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), TlsConfig.builder().build().handshakeTimeout());
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().handshakeTimeout(Duration.ZERO));
    }
}
