package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ProtocolVersion;

/**
 * Version negotiation with TLS 1.3 enabled next to TLS 1.2, against OpenSSL (RFC 8446 §4.1.3, §4.2.1): a
 * TLS 1.2-only peer still gets TLS 1.2 in both directions, our server marks a TLS 1.2 handshake with the
 * downgrade sentinel, and our client refuses a ServerHello that carries it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Tls13VersionNegotiationInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static TlsConfig.Builder client() throws IOException {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).trustAnchors(pki.trustAnchors()).serverName("localhost");
    }

    private static byte[] last8(byte[] random) {
        return Arrays.copyOfRange(random, random.length - 8, random.length);
    }

    @Test
    void ourTls13ClientGetsTls12FromATls12OnlyServerWithoutSentinel() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .tls1_2().directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), client().observer(seen).build())) {
            Exchange.bound(socket);
            assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
            Exchange.bothWays(socket, server, 4096);
        }
        assertFalse(Arrays.equals(ServerHello.DOWNGRADE_TLS12, last8(seen.received(ServerHello.class).get(0).random())));
    }

    @Test
    void ourTls13ServerGivesATls12ClientTls12AndWritesTheDowngradeSentinel() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        TlsConfig config = TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey()).observer(seen).build();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config);
             OpenSslClient client = OpenSslClient.builder(server.getLocalPort()).tls1_2().caFile(pki.ca().certificate())
                     .verifyReturnError().servername("localhost").directory(directory).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
            assertTrue(client.awaitHandshake(Exchange.WAIT), client::diagnostics);
            assertEquals(Optional.of("TLSv1.2"), client.protocol());
        }
        // RFC 8446 §4.1.3: "44 4F 57 4E 47 52 44 01" ends the random of a TLS 1.3 server negotiating TLS 1.2
        assertArrayEquals(ServerHello.DOWNGRADE_TLS12, last8(seen.sent(ServerHello.class).get(0).random()));
    }

    /** The attacker's move: our ClientHello reaches the server without supported_versions, so it looks TLS 1.2-only. */
    private static final HandshakeInterceptor STRIP_SUPPORTED_VERSIONS = new HandshakeInterceptor() {
        @Override
        public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
            if (message.message() instanceof ClientHello hello) {
                List<Extension> kept = hello.extensionsOrEmpty().list().stream()
                        .filter(e -> e.type() != ExtensionType.SUPPORTED_VERSIONS.code()).toList();
                flight.send(new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                        hello.compressionMethods(), Optional.of(new Extensions(kept))));
            } else {
                flight.send(message.message());
            }
            flight.flushRecord();
        }
    };

    @Test
    void ourTls13ClientRefusesTheDowngradeSentinelOfATls13Server() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                     client().handshakeInterceptor(STRIP_SUPPORTED_VERSIONS).build())) {
            Exchange.bound(socket);
            org.layeredtls.alert.TlsException refused = assertThrows(org.layeredtls.alert.TlsException.class, socket::startHandshake);
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, refused.description(), refused::getMessage);
        }
    }

    @Test
    void aTls13OnlyClientRefusesATls12OnlyServerWithProtocolVersion() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .tls1_2().directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                     client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).build())) {
            Exchange.bound(socket);
            org.layeredtls.alert.TlsException refused = assertThrows(org.layeredtls.alert.TlsException.class, socket::startHandshake);
            assertEquals(AlertDescription.PROTOCOL_VERSION, refused.description(), refused::getMessage);
        }
    }
}
