package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.engine.EnginePairTest.ascii;
import static org.layeredtls.handshake.engine.EnginePairTest.received;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.record.ProtocolVersion;

/** TLS 1.3 between two engines on the test's own thread: the handshake, KeyUpdate, resumption and the closes. */
class Tls13EnginePairTest {

    private static TlsConfig.Builder client() {
        return Pki.client().maxVersion(ProtocolVersion.TLS1_3);
    }

    private static TlsConfig.Builder server() {
        return Pki.server().maxVersion(ProtocolVersion.TLS1_3);
    }

    @Test
    void aTls13SessionDeliveredAByteAtATimeUpdatesKeysBothWaysAndClosesEachDirection() throws IOException {
        EnginePair pair = TlsEngine.pair(client().build(), server().build());
        pair.handshake(() -> 1);
        assertEquals(ProtocolVersion.TLS1_3, pair.client().sessionInfo().version());
        assertEquals(pair.client().sessionInfo().cipherSuite(), pair.server().sessionInfo().cipherSuite());

        pair.client().keyUpdate(true); // ours, and the server's in answer (RFC 8446 §4.6.3)
        pair.client().writeApplicationData(ascii("under new keys"));
        pair.shuttle(() -> 1);
        assertArrayEquals(ascii("under new keys"), received(pair.server()));
        pair.server().writeApplicationData(ascii("under the server's new keys"));
        pair.shuttle(() -> 1);
        assertArrayEquals(ascii("under the server's new keys"), received(pair.client()));

        assertThrows(IllegalStateException.class, pair.client()::renegotiate, "TLS 1.3 has no renegotiation");

        // RFC 8446 §6.1: close_notify closes the sender's direction only; the other side may still write
        pair.client().closeOutbound();
        pair.shuttle();
        assertTrue(pair.server().isInboundClosed());
        assertFalse(pair.server().isOutboundClosed());
        pair.server().writeApplicationData(ascii("after the client's close_notify"));
        pair.shuttle();
        assertArrayEquals(ascii("after the client's close_notify"), received(pair.client()));
        pair.server().closeOutbound();
        pair.shuttle();
        assertTrue(pair.client().isClosed() && pair.server().isClosed());
    }

    @Test
    void aServerThatTakesAnotherGroupAsksForItWithAHelloRetryRequest() throws IOException {
        EnginePair pair = TlsEngine.pair(client().keyShareGroups(NamedGroup.X25519).build(),
                server().namedGroups(NamedGroup.SECP384R1).build());
        pair.handshake();
        assertEquals(ProtocolVersion.TLS1_3, pair.server().sessionInfo().version());
        pair.client().writeApplicationData(ascii("after a HelloRetryRequest"));
        pair.shuttle();
        assertArrayEquals(ascii("after a HelloRetryRequest"), received(pair.server()));
    }

    @Test
    void aTicketFromTheFirstConnectionResumesTheSecond() throws IOException {
        TlsConfig clientConfig = client().clientSessionStore(new InMemoryClientSessionStore(4)).build();
        TlsConfig serverConfig = server().ticketProtector(TicketProtector.withDefaults()).build();
        EnginePair first = TlsEngine.pair(clientConfig, serverConfig);
        first.handshake();
        first.shuttle(); // the server's NewSessionTickets reach the client
        assertFalse(first.client().sessionInfo().resumed());

        EnginePair second = TlsEngine.pair(clientConfig, serverConfig);
        second.handshake();
        assertTrue(second.client().sessionInfo().resumed(), "RFC 8446 §2.2: resumed with the ticket's PSK");
        assertTrue(second.server().sessionInfo().resumed());
        second.client().writeApplicationData(ascii("resumed"));
        second.shuttle();
        assertArrayEquals(ascii("resumed"), received(second.server()));
    }
}
