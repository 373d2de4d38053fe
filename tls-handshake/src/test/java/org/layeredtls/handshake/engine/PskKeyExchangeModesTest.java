package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.engine.EnginePairTest.ascii;
import static org.layeredtls.handshake.engine.EnginePairTest.received;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.KeyShareEntry;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.PskKeyExchangeMode;
import org.layeredtls.handshake.extension.PskKeyExchangeModes;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.record.ProtocolVersion;

/**
 * PSK key exchange modes (RFC 8446 §4.2.9) between our client and server: the client offers
 * {@code TlsConfig.pskKeyExchangeModes}, the server resumes in the first of its own the client offers; psk_ke
 * resumes without a key share (no (EC)DHE), psk_dhe_ke with one; no mode in common is a full handshake.
 */
class PskKeyExchangeModesTest {

    /** What the client sent and received of the hellos. */
    private static final class Hellos implements TlsObserver {
        final List<ClientHello> sent = new CopyOnWriteArrayList<>();
        final List<ServerHello> received = new CopyOnWriteArrayList<>();

        @Override
        public void handshakeMessageSent(HandshakeMessage message, byte[] bytes) {
            if (message instanceof ClientHello hello) {
                sent.add(hello);
            }
        }

        @Override
        public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            if (message instanceof ServerHello hello) {
                received.add(hello);
            }
        }

        boolean lastServerHelloHasKeyShare() {
            return received.get(received.size() - 1).extensionsOrEmpty().find(ExtensionType.KEY_SHARE).isPresent();
        }
    }

    /** The second of two connections from {@code clientModes} to {@code serverModes}: the first leaves a ticket. */
    private static EnginePair resumption(Hellos hellos, List<PskKeyExchangeMode> clientModes, List<PskKeyExchangeMode> serverModes)
            throws IOException {
        TlsConfig client = Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .clientSessionStore(new InMemoryClientSessionStore(4))
                .pskKeyExchangeModes(clientModes.toArray(PskKeyExchangeMode[]::new)).observer(hellos).build();
        TlsConfig server = Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .ticketProtector(TicketProtector.withDefaults())
                .pskKeyExchangeModes(serverModes.toArray(PskKeyExchangeMode[]::new)).build();
        EnginePair first = TlsEngine.pair(client, server);
        first.handshake();
        first.shuttle(); // the tickets
        EnginePair second = TlsEngine.pair(client, server);
        second.handshake();
        return second;
    }

    @Test
    void byDefaultTheClientOffersPskDheKeOnly() throws IOException, TlsAlertException {
        Hellos hellos = new Hellos();
        TlsEngine.pair(Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).observer(hellos).build(),
                Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).build()).handshake();
        assertEquals(List.of(PskKeyExchangeMode.PSK_DHE_KE.code()), hellos.sent.get(0).extensionsOrEmpty()
                .find(ExtensionType.PSK_KEY_EXCHANGE_MODES, PskKeyExchangeModes::decode).orElseThrow().modes());
    }

    @Test
    void withPskKeBothWaysTheSessionResumesWithoutAKeyShare() throws IOException {
        Hellos hellos = new Hellos();
        EnginePair pair = resumption(hellos, List.of(PskKeyExchangeMode.PSK_KE), List.of(PskKeyExchangeMode.PSK_KE));
        assertTrue(pair.client().sessionInfo().resumed() && pair.server().sessionInfo().resumed());
        assertFalse(hellos.lastServerHelloHasKeyShare(), "RFC 8446 §4.2.9: psk_ke, no (EC)DHE");
        pair.client().writeApplicationData(ascii("under keys from the PSK alone"));
        pair.shuttle();
        assertArrayEquals(ascii("under keys from the PSK alone"), received(pair.server()));
        pair.server().writeApplicationData(ascii("and back"));
        pair.shuttle();
        assertArrayEquals(ascii("and back"), received(pair.client()));
    }

    @Test
    void theServersPreferenceDecidesAmongTheModesTheClientOffers() throws IOException {
        List<PskKeyExchangeMode> both = List.of(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE);
        Hellos dheFirst = new Hellos();
        assertTrue(resumption(dheFirst, both, both).server().sessionInfo().resumed());
        assertTrue(dheFirst.lastServerHelloHasKeyShare(), "psk_dhe_ke, the server's first choice");
        Hellos keFirst = new Hellos();
        assertTrue(resumption(keFirst, both, List.of(PskKeyExchangeMode.PSK_KE, PskKeyExchangeMode.PSK_DHE_KE))
                .server().sessionInfo().resumed());
        assertFalse(keFirst.lastServerHelloHasKeyShare(), "psk_ke, the server's first choice");
    }

    @Test
    void aServerThatAllowsOnlyPskDheKeDoesNotResumeAPskKeOnlyClient() throws IOException {
        Hellos hellos = new Hellos();
        EnginePair pair = resumption(hellos, List.of(PskKeyExchangeMode.PSK_KE), List.of(PskKeyExchangeMode.PSK_DHE_KE));
        // RFC 8446 §4.2.9: "the server MUST NOT select a key exchange mode that is not listed by the client"
        assertFalse(pair.server().sessionInfo().resumed(), "no mode in common: a full handshake");
        assertTrue(hellos.lastServerHelloHasKeyShare());
    }

    @Test
    void pskKeResumesWithoutAHelloRetryRequestWhenTheClientHasNoShareTheServerTakes() throws IOException {
        Hellos hellos = new Hellos();
        TlsConfig client = Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .clientSessionStore(new InMemoryClientSessionStore(4)).keyShareGroups(NamedGroup.X25519)
                .pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE).observer(hellos).build();
        TlsConfig server = Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).namedGroups(NamedGroup.SECP256R1)
                .ticketProtector(TicketProtector.withDefaults()).pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE).build();
        EnginePair first = TlsEngine.pair(client, server);
        first.handshake(); // with a HelloRetryRequest for P-256
        first.shuttle();
        hellos.received.clear();
        EnginePair second = TlsEngine.pair(client, server);
        second.handshake();
        assertTrue(second.server().sessionInfo().resumed());
        assertEquals(1, hellos.received.size(), "the PSK alone needs no share: no HelloRetryRequest");
    }

    @Test
    void aServerThatAddsAKeyShareToAPskKeResumptionIsIllegalParameter() throws IOException {
        Hellos hellos = new Hellos();
        TlsConfig client = Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .clientSessionStore(new InMemoryClientSessionStore(4)).pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE)
                .observer(hellos).build();
        TlsConfig.Builder server = Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .ticketProtector(TicketProtector.withDefaults()).pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE);
        EnginePair first = TlsEngine.pair(client, server.build());
        first.handshake();
        first.shuttle();
        // the server resumes with psk_ke, then puts a key share in its ServerHello: psk_dhe_ke, which the client never offered
        server.handshakeInterceptor(new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                flight.send(message.message() instanceof ServerHello hello ? withKeyShare(hello) : message.message());
                flight.flushRecord();
            }
        });
        EnginePair second = TlsEngine.pair(client, server.build());
        TlsAlertException failure = assertThrows(TlsAlertException.class, second::handshake);
        // RFC 8446 §4.2.9; without the check the client would take the share, and its keys would not be the server's
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, failure.description());
    }

    private static ServerHello withKeyShare(ServerHello hello) {
        List<Extension> extensions = new ArrayList<>(hello.extensionsOrEmpty().list());
        byte[] share = new byte[32];
        share[0] = 9; // the X25519 base point: a valid share
        extensions.add(new KeyShare.ServerHello(new KeyShareEntry(NamedGroup.X25519, share)).toExtension());
        return new ServerHello(hello.serverVersion(), hello.random(), hello.sessionId(), hello.cipherSuite(),
                hello.compressionMethod(), Optional.of(new Extensions(extensions)));
    }
}
