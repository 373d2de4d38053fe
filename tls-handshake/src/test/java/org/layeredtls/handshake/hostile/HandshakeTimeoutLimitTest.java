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
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.intercept.Pki;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * TlsConfig.handshakeTimeout: a handshake that does not complete in time ends with a fatal
 * handshake_failure, on either side, whatever the peer does (nothing, one byte at a time, a
 * dropped Finished); the application's own shorter SO_TIMEOUT still fires as before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandshakeTimeoutLimitTest {

    private static final Duration SHORT = Duration.ofMillis(800);
    private static final int HANDSHAKE_FAILURE = AlertDescription.HANDSHAKE_FAILURE.code();

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private TlsServerSocket listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        threads.shutdownNow();
    }

    private Future<Exception> serverHandshake(TlsConfig config) throws IOException {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
        return threads.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.startHandshake();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
    }

    @Test
    void aServerWhoseClientStopsAfterItsClientHelloSendsAFatalHandshakeFailureWhenTheTimeoutFires() throws Exception {
        Future<Exception> server = serverHandshake(Pki.server().handshakeTimeout(SHORT).build());
        byte[] hello = SurvivalWire.clientHello(Pki.client().build());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            socket.setSoTimeout((int) SurvivalWire.BOUND_MILLIS);
            long start = System.nanoTime();
            socket.getOutputStream().write(hello);
            SurvivalWire.assertFatal(HANDSHAKE_FAILURE, SurvivalWire.firstAlert(socket.getInputStream()), "silent client");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis >= SHORT.toMillis() - 50 && tookMillis < 10_000, "the alert came after " + tookMillis + " ms");
        }
        TlsAlertException sent = assertInstanceOf(TlsAlertException.class, server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, sent.description());
        assertTrue(sent.getMessage().contains("handshake timeout"), sent.getMessage());
    }

    @Test
    void aClientTricklingOneByteAtATimeGainsNothing() throws Exception {
        Future<Exception> server = serverHandshake(Pki.server().handshakeTimeout(SHORT).build());
        byte[] hello = SurvivalWire.clientHello(Pki.client().build());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            // One byte, then up to 100 ms waiting for the server to give up: each read alone would
            // never time out, only the handshake as a whole does.
            for (int i = 0; i < hello.length - 1 && !server.isDone(); i++) {
                socket.getOutputStream().write(hello[i]);
                try {
                    server.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    // next byte
                }
            }
            assertTrue(server.isDone(), "the server still waits after the whole ClientHello but one byte");
        }
        TlsAlertException sent = assertInstanceOf(TlsAlertException.class, server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, sent.description());
    }

    @Test
    void aClientWhoseServerNeverAnswersEndsWithAFatalHandshakeFailure() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<byte[]> seen = threads.submit(() -> {
                try (Socket accepted = silent.accept()) {
                    accepted.setSoTimeout((int) SurvivalWire.BOUND_MILLIS);
                    return SurvivalWire.firstAlert(accepted.getInputStream()); // reads the ClientHello, answers nothing
                }
            });
            TlsSocket client = TlsSocket.connect("127.0.0.1", silent.getLocalPort(), Pki.client().handshakeTimeout(SHORT).build());
            TlsAlertException e = assertThrows(TlsAlertException.class, client::startHandshake);
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.description());
            client.close();
            SurvivalWire.assertFatal(HANDSHAKE_FAILURE, seen.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS), "what the silent server got");
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
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Pki.server().handshakeInterceptor(DROP_FINISHED).build());
        Future<Exception> server = threads.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.startHandshake(); // done, as far as the server knows
                return assertThrows(TlsAlertReceivedException.class, () -> socket.getInputStream().read());
            }
        });
        TlsSocket client = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Pki.client().handshakeTimeout(SHORT).build());
        TlsAlertException e = assertThrows(TlsAlertException.class, client::startHandshake);
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.description());
        client.close();
        TlsAlertReceivedException received = assertInstanceOf(TlsAlertReceivedException.class,
                server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, received.alert().description());
    }

    @Test
    void theApplicationsShorterSoTimeoutStillFiresAsASocketTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Socket> accepted = threads.submit(silent::accept);
            TlsSocket client = TlsSocket.connect("127.0.0.1", silent.getLocalPort(), Pki.client().build()); // 30 s default
            client.socket().setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, client::startHandshake);
            assertEquals(300, client.socket().getSoTimeout(), "the application's timeout is put back");
            client.close();
            accepted.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS).close();
        }
    }

    @Test
    void theDefaultIsThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), TlsConfig.builder().build().handshakeTimeout());
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().handshakeTimeout(Duration.ZERO));
    }
}
