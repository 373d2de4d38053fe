package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ServerEcdhParams;
import org.layeredtls.handshake.message.ServerKeyExchange;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.record.ProtocolVersion;

/**
 * What {@code TlsConfig.builder()} gives with nothing set (the README's "The defaults"): TLS 1.2 to 1.3 with 1.3
 * preferred, the hybrid X25519MLKEM768 first in supported_groups and in the first key shares, and the hybrid kept
 * out of TLS 1.2 (never in a TLS 1.2-only ClientHello, never chosen for TLS 1.2 ECDHE). Loopback only; the real
 * peers are in {@link DefaultsInteropTest}. {@code research.Pki}'s builders carry the library's defaults.
 */
@Timeout(60)
class TlsConfigDefaultsTest {

    private static final List<Integer> HYBRID_FIRST = List.of(NamedGroup.X25519MLKEM768.code(), NamedGroup.X25519.code(),
            NamedGroup.SECP256R1.code(), NamedGroup.SECP384R1.code());

    @Test
    void theDefaultVersionsAreTls12ToTls13AndNothingOlder() {
        TlsConfig config = TlsConfig.builder().build();
        assertEquals(ProtocolVersion.TLS1_2, config.minVersion());
        assertEquals(ProtocolVersion.TLS1_3, config.maxVersion());
        assertFalse(config.allows(ProtocolVersion.TLS1_1));
        assertFalse(config.allows(ProtocolVersion.SSL3_0));
    }

    @Test
    void maxVersionTls12PinsTls12() {
        TlsConfig config = TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_2).build();
        assertEquals(ProtocolVersion.TLS1_2, config.minVersion());
        assertEquals(ProtocolVersion.TLS1_2, config.maxVersion());
    }

    @Test
    void theDefaultGroupsPutTheHybridFirstWithKeySharesForItAndX25519() {
        TlsConfig config = TlsConfig.builder().build();
        assertEquals(List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1),
                config.namedGroups());
        assertEquals(List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519), config.keyShareGroups());
        assertEquals(TlsConfig.DEFAULT_GROUPS, config.namedGroups());
        assertEquals(TlsConfig.DEFAULT_KEY_SHARE_GROUPS, config.keyShareGroups());
    }

    @Test
    void aDefaultClientAndADefaultServerAgreeOnTls13OverTheHybrid() throws Exception {
        HandshakeMessagesSeen client = new HandshakeMessagesSeen();
        try (HandshakeServer server = HandshakeServer.bind(Pki.server().build(), HandshakeServer.BOUND)) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), Pki.client().observer(client).build())) {
                socket.startHandshake();
                assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
            }
            assertEquals(ProtocolVersion.TLS1_3, HandshakeServer.await(outcome).session().version());
        }
        assertEquals(HYBRID_FIRST, supportedGroups(client.sent(ClientHello.class).get(0)));
        org.layeredtls.handshake.message.ServerHello serverHello = client.received(
                org.layeredtls.handshake.message.ServerHello.class).get(0);
        assertEquals(NamedGroup.X25519MLKEM768.code(), serverHello.extensions().orElseThrow()
                .find(ExtensionType.KEY_SHARE, org.layeredtls.handshake.extension.KeyShare::decodeServerHello)
                .orElseThrow().serverShare().group(), "the server prefers the hybrid the client sent a share for");
    }

    @Test
    void aTls12OnlyClientHelloLeavesTheHybridOutOfSupportedGroups() throws Exception {
        HandshakeMessagesSeen client = new HandshakeMessagesSeen();
        try (HandshakeServer server = HandshakeServer.bind(Pki.server().build(), HandshakeServer.BOUND)) {
            server.acceptOne();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                    Pki.client().maxVersion(ProtocolVersion.TLS1_2).observer(client).build())) {
                socket.startHandshake();
                assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
            }
        }
        List<Integer> offered = supportedGroups(client.sent(ClientHello.class).get(0));
        assertEquals(HYBRID_FIRST.subList(1, HYBRID_FIRST.size()), offered);
    }

    @Test
    void aTls12ServerNeverChoosesTheHybridOrAnFfdheGroupForEcdhe() throws Exception {
        // the server's own preference puts the hybrid and ffdhe2048 first; the client (1.2 and 1.3) offers all three
        TlsConfig serverConfig = Pki.server().maxVersion(ProtocolVersion.TLS1_2)
                .namedGroups(NamedGroup.X25519MLKEM768, NamedGroup.FFDHE2048, NamedGroup.X25519).build();
        HandshakeMessagesSeen client = new HandshakeMessagesSeen();
        try (HandshakeServer server = HandshakeServer.bind(serverConfig, HandshakeServer.BOUND)) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), Pki.client()
                    .namedGroups(NamedGroup.X25519MLKEM768, NamedGroup.FFDHE2048, NamedGroup.X25519).observer(client).build())) {
                socket.startHandshake();
                assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
            }
            assertEquals(null, HandshakeServer.await(outcome).failure());
        }
        assertTrue(supportedGroups(client.sent(ClientHello.class).get(0)).contains(NamedGroup.X25519MLKEM768.code()),
                "a client that offers TLS 1.3 offers the hybrid");
        ServerKeyExchange keyExchange = client.received(ServerKeyExchange.class).get(0);
        assertEquals(NamedGroup.X25519.code(), assertInstanceOf(ServerEcdhParams.class, keyExchange.params()).namedCurve());
    }

    private static List<Integer> supportedGroups(ClientHello hello) throws Exception {
        return hello.extensionsOrEmpty().find(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::decode).orElseThrow().groups();
    }
}
