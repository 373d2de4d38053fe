package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.HandshakeMessage;

/** A whole session between two engines on the test's own thread: no socket, no other thread. */
class EnginePairTest {

    /** Every thread an observer was called on. */
    private static final class Threads implements TlsObserver {
        final Set<Thread> seen = new HashSet<>();

        @Override
        public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
            seen.add(Thread.currentThread());
        }

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            seen.add(Thread.currentThread());
        }

        @Override
        public void alertReceived(Alert alert) {
            seen.add(Thread.currentThread());
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads what {@code engine} has received (all of it must be there). */
    static byte[] received(TlsEngine engine) {
        byte[] data = new byte[engine.availableApplicationData()];
        int n = engine.readApplicationData(data, 0, data.length);
        assertEquals(data.length, Math.max(n, 0));
        return data;
    }

    @Test
    void aWholeSessionWithRenegotiationsBothWaysAndCloseNotifyRunsOnOneThreadWithNoSocket() throws IOException {
        Threads clientThreads = new Threads();
        Threads serverThreads = new Threads();
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().allowRenegotiation(true).observer(clientThreads).build(),
                Tls12Pki.server().clientRenegotiation(true).observer(serverThreads).build());
        TlsEngine client = pair.client();
        TlsEngine server = pair.server();

        pair.handshake();
        assertTrue(client.isHandshakeDone() && server.isHandshakeDone());
        assertFalse(client.isHandshaking() || server.isHandshaking());
        assertEquals(client.sessionInfo().cipherSuite(), server.sessionInfo().cipherSuite());

        client.writeApplicationData(ascii("ping"));
        pair.shuttle();
        assertArrayEquals(ascii("ping"), received(server));
        server.writeApplicationData(ascii("pong"));
        pair.shuttle();
        assertArrayEquals(ascii("pong"), received(client));

        client.renegotiate(); // RFC 5746: a new ClientHello on the established connection
        assertTrue(client.isHandshaking());
        pair.shuttle();
        assertEquals(2, client.handshakesCompleted());
        assertEquals(2, server.handshakesCompleted());

        server.renegotiate(); // HelloRequest, then the client's new handshake
        pair.shuttle();
        assertEquals(3, client.handshakesCompleted());
        assertEquals(3, server.handshakesCompleted());

        server.writeApplicationData(ascii("after renegotiations"));
        pair.shuttle();
        assertArrayEquals(ascii("after renegotiations"), received(client));

        client.closeOutbound();
        assertTrue(client.isOutboundClosed());
        pair.shuttle();
        assertTrue(server.isInboundClosed() && server.isOutboundClosed() && server.isClosed(), "the server answered close_notify");
        assertTrue(client.isInboundClosed() && client.isClosed(), "the client got the server's close_notify");
        assertEquals(-1, server.readApplicationData(new byte[1], 0, 1));
        assertEquals(-1, client.readApplicationData(new byte[1], 0, 1));
        assertEquals(Set.of(Thread.currentThread()), clientThreads.seen);
        assertEquals(Set.of(Thread.currentThread()), serverThreads.seen);
    }

    @Test
    void byteAtATimeDeliveryCompletesTheHandshakeAndCarriesTheData() throws IOException {
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().build(), Tls12Pki.server().build());
        pair.handshake(() -> 1);
        pair.client().writeApplicationData(ascii("one byte at a time"));
        pair.shuttle(() -> 1);
        assertArrayEquals(ascii("one byte at a time"), received(pair.server()));
    }

    @Test
    void aWrongServerNameFailsTheClientAndItsQueuedAlertFailsTheServer() throws IOException {
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().serverName("not-the-server.example").build(), Tls12Pki.server().build());
        TlsAlertException found = assertThrows(TlsAlertException.class, pair::handshake);
        assertTrue(pair.client().isClosed());
        assertTrue(pair.client().pendingOutput() > 0, "the fatal alert waits in the client's output, to be sent");

        TlsAlertReceivedException received = assertThrows(TlsAlertReceivedException.class, pair::shuttle);
        assertSame(found.description(), received.alert().description());
        assertTrue(pair.server().isClosed());
        assertFalse(pair.server().isHandshakeDone());
    }

    @Test
    void inputOfferedAfterTheConnectionIsOverIsDiscarded() throws IOException {
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().build(), Tls12Pki.server().build());
        pair.handshake();
        pair.client().closeOutbound();
        pair.shuttle();
        pair.server().offerInput(new byte[] {23, 3, 3, 0, 1, 0});
        assertEquals(0, pair.server().availableApplicationData());
    }

    @Test
    void applicationDataBeforeTheHandshakeIsRefused() {
        TlsEngine client = TlsEngine.client(Tls12Pki.client().build(), "localhost", 443);
        assertThrows(IllegalStateException.class, () -> client.writeApplicationData(ascii("too early")));
    }

    @Test
    void theStreamEndingDuringTheHandshakeIsAFatalDecodeError() throws IOException {
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().build(), Tls12Pki.server().build());
        pair.client().beginHandshake();
        byte[] hello = pair.client().readOutput();
        pair.server().offerInput(hello, 0, hello.length - 1);
        TlsAlertException ended = assertThrows(TlsAlertException.class, pair.server()::endOfInput);
        assertSame(AlertDescription.DECODE_ERROR, ended.description());
        assertTrue(pair.server().pendingOutput() > 0, "the decode_error alert is queued");
    }

    @Test
    void theHandshakeDeadlineIsTheCallersToEnforceAndEndsTheHandshakeWithHandshakeFailure() throws IOException {
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().build(), Tls12Pki.server().handshakeTimeout(java.time.Duration.ofSeconds(5)).build());
        assertTrue(pair.server().handshakeDeadline().isEmpty(), "no handshake runs yet");
        pair.client().beginHandshake();
        pair.server().beginHandshake();
        long deadline = pair.server().handshakeDeadline().orElseThrow();
        pair.server().checkHandshakeTimeout(deadline - 1); // not yet
        TlsAlertException timedOut = assertThrows(TlsAlertException.class, () -> pair.server().checkHandshakeTimeout(deadline));
        assertSame(AlertDescription.HANDSHAKE_FAILURE, timedOut.description());
        assertTrue(pair.server().isClosed() && pair.server().pendingOutput() > 0, "the alert waits to be sent");
    }

    @Test
    void aCompletedHandshakeHasNoDeadline() throws IOException {
        EnginePair pair = TlsEngine.pair(Tls12Pki.client().build(), Tls12Pki.server().build());
        pair.handshake();
        assertTrue(pair.client().handshakeDeadline().isEmpty() && pair.server().handshakeDeadline().isEmpty());
        pair.server().checkHandshakeTimeout(Long.MAX_VALUE);
        assertFalse(pair.server().isClosed());
    }
}
