package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.Alert;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.testing.HandshakeServer;

/**
 * Graceful close (RFC 5246 §7.2.1): after its close_notify, close() reads until the peer's
 * close_notify (or end of stream), bounded by TlsConfig.closeTimeout, so the peer's close_notify
 * does not hit a closed socket and come back as a TCP reset.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerSurvivalGracefulCloseTest {

    private HandshakeServer listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    /** Alerts the server received, in order. */
    private final List<Alert> received = new CopyOnWriteArrayList<>();
    private final TlsObserver recording = new TlsObserver() {
        @Override
        public void alertReceived(Alert alert) {
            received.add(alert);
        }
    };

    /** A server that writes one byte and closes; the future ends when close() has returned. */
    private Future<Long> writeAndClose(TlsConfig config) throws IOException {
        listener = HandshakeServer.bind(config);
        return listener.accept(socket -> {
            socket.getOutputStream().write(42);
            long start = System.nanoTime();
            socket.close();
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        });
    }

    @Test
    void closeWaitsForThePeersCloseNotifyBeforeClosingTheSocket() throws Exception {
        Future<Long> server = writeAndClose(Tls12Pki.server().observer(recording).build());
        try (TlsSocket client = TlsSocket.connect("127.0.0.1", listener.port(), Tls12Pki.client().build())) {
            client.socket().setSoTimeout((int) HandshakeServer.BOUND.toMillis());
            assertEquals(42, client.getInputStream().read());
            assertEquals(-1, client.getInputStream().read()); // the server's close_notify; ours answers it
        }
        HandshakeServer.await(server);
        assertTrue(received.stream().anyMatch(Alert::isCloseNotify), "the server read our close_notify before closing: " + received);
    }

    @Test
    void aZeroCloseTimeoutClosesAtOnceAsBefore() throws Exception {
        Future<Long> server = writeAndClose(Tls12Pki.server().observer(recording).closeTimeout(Duration.ZERO).build());
        try (TlsSocket client = TlsSocket.connect("127.0.0.1", listener.port(), Tls12Pki.client().build())) {
            client.socket().setSoTimeout((int) HandshakeServer.BOUND.toMillis());
            assertEquals(42, client.getInputStream().read());
            HandshakeServer.await(server); // closed before we answer
            assertEquals(-1, client.getInputStream().read());
        }
        assertFalse(received.stream().anyMatch(Alert::isCloseNotify), "nothing was read after close_notify: " + received);
    }

    @Test
    void aPeerThatNeverAnswersHoldsCloseForTheCloseTimeoutOnly() throws Exception {
        Future<Long> server = writeAndClose(Tls12Pki.server().closeTimeout(Duration.ofMillis(500)).build());
        TlsSocket client = TlsSocket.connect("127.0.0.1", listener.port(), Tls12Pki.client().build());
        client.startHandshake(); // and then reads nothing, answers nothing
        long tookMillis = HandshakeServer.await(server);
        assertTrue(tookMillis >= 450 && tookMillis < 5_000, "close() took " + tookMillis + " ms");
        Socket raw = client.socket();
        raw.close();
    }
}
