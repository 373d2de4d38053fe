package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.MutableClock;

/**
 * Client-initiated renegotiation: refused by default with a warning no_renegotiation (OpenSSL 3's
 * default), the connection going on; allowed with TlsConfig.clientRenegotiation, and then at most
 * clientRenegotiationLimit per window, one more being refused the same way. Server-initiated
 * renegotiation (HelloRequest) is not limited by either.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientRenegotiationLimitTest {

    private HandshakeServer listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    /** A server that echoes bytes (each read drives any renegotiation the client starts) until the client closes. */
    private void echoServer(TlsConfig config) throws IOException {
        listener = HandshakeServer.bind(config, HandshakeServer.BOUND);
        listener.accept(socket -> {
            InputStream in = socket.getInputStream();
            for (int b; (b = in.read()) >= 0; ) {
                socket.getOutputStream().write(b);
            }
            return null;
        });
    }

    private TlsSocket client() throws IOException {
        TlsSocket client = TlsSocket.connect("127.0.0.1", listener.port(), Tls12Pki.client().build());
        client.socket().setSoTimeout((int) HandshakeServer.BOUND.toMillis());
        return client;
    }

    private static void roundTrip(TlsSocket client, int value) throws IOException {
        client.getOutputStream().write(value);
        assertEquals(value, client.getInputStream().read());
    }

    /** Renegotiates once; true when the server went through with it. */
    private static boolean renegotiate(TlsSocket client) throws IOException {
        client.renegotiate();
        return !client.renegotiationRefused();
    }

    @Test
    void aDefaultServerRefusesClientRenegotiationWithAWarningAndTheConnectionGoesOn() throws Exception {
        echoServer(Tls12Pki.server().build());
        try (TlsSocket client = client()) {
            roundTrip(client, 1);
            assertFalse(renegotiate(client), "refused with no_renegotiation");
            roundTrip(client, 2);
        }
    }

    @Test
    void anOptedInServerAcceptsUpToTheLimitPerWindowAndRefusesTheNextWithAWarning() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        echoServer(Tls12Pki.server().clock(clock).clientRenegotiation(true).clientRenegotiationLimit(2, Duration.ofMinutes(1)).build());
        try (TlsSocket client = client()) {
            roundTrip(client, 1);
            assertTrue(renegotiate(client), "first");
            roundTrip(client, 2);
            assertTrue(renegotiate(client), "second");
            roundTrip(client, 3);
            assertFalse(renegotiate(client), "a third within the minute is refused");
            roundTrip(client, 4);
        }
    }

    @Test
    void theWindowSlides() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        echoServer(Tls12Pki.server().clock(clock).clientRenegotiation(true).clientRenegotiationLimit(1, Duration.ofMinutes(1)).build());
        try (TlsSocket first = client()) {
            assertTrue(renegotiate(first));
            roundTrip(first, 1);
            clock.advance(Duration.ofSeconds(61));
            assertTrue(renegotiate(first), "a minute later the window has room again");
            roundTrip(first, 2);
        }
    }

    @Test
    void serverInitiatedRenegotiationNeedsNoOptIn() throws Exception {
        listener = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND);
        Future<Boolean> server = listener.accept(socket -> {
            assertEquals(1, socket.getInputStream().read());
            socket.renegotiate(); // HelloRequest; the client answers while it reads
            socket.getOutputStream().write(2);
            return !socket.renegotiationRefused();
        });
        try (TlsSocket client = client()) {
            client.getOutputStream().write(1);
            assertEquals(2, client.getInputStream().read());
        }
        assertTrue(HandshakeServer.await(server), "the renegotiation the server asked for ran");
    }

    @Test
    void defaultsAreOffAndThreePerMinute() {
        TlsConfig config = TlsConfig.builder().build();
        assertFalse(config.clientRenegotiation());
        assertEquals(3, config.clientRenegotiationLimit());
        assertEquals(Duration.ofSeconds(60), config.clientRenegotiationWindow());
    }
}
