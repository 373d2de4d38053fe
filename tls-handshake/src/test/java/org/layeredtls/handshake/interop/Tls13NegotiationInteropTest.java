package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.handshake.api.HelloRetryCookie;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.PskKeyExchangeMode;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.3 negotiation and resumption features against OpenSSL 3.0 in both directions: the HelloRetryRequest
 * cookie (our server's, answered by s_client; {@code s_server -stateless}'s, answered by our client) and PSK
 * resumption with psk_ke, no (EC)DHE ({@code -allow_no_dhe_kex}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class Tls13NegotiationInteropTest {

    private static final Pattern REUSED = Pattern.compile("Reused, TLSv1\\.3");

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static TlsConfig.Builder client() throws Exception {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).trustAnchors(pki.trustAnchors())
                .serverName("localhost");
    }

    private static TlsConfig.Builder server() throws Exception {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey());
    }

    private static OpenSslServer.Builder sServer() {
        return pki.tls13OpenSslServer();
    }

    private static OpenSslClient.Builder sClient(TlsServerSocket server) {
        return pki.tls13OpenSslClient(server.getLocalPort());
    }

    private static boolean hasCookie(ServerHello hello) {
        return hello.isHelloRetryRequest() && hello.extensionsOrEmpty().find(ExtensionType.COOKIE).isPresent();
    }

    // ------------------------------------------------------------------ HelloRetryRequest cookie

    @ParameterizedTest
    @EnumSource(value = HelloRetryCookie.class, names = {"ON_RETRY", "STATELESS"})
    void sClientEchoesOurCookie(HelloRetryCookie mode) throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        // ON_RETRY: s_client's first share is x25519, our server takes P-384 only, so it retries; STATELESS retries anyway
        TlsConfig.Builder config = server().helloRetryCookie(mode).observer(seen);
        if (mode == HelloRetryCookie.ON_RETRY) {
            config.namedGroups(NamedGroup.SECP384R1);
        }
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config.build());
             OpenSslClient client = sClient(server).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertTrue(client.awaitStdout(Tls13OpenSslClientInteropTest.TLS13_SUMMARY, 0, Exchange.WAIT).isPresent(),
                    client::diagnostics);
            Exchange.bothWays(socket, client, 4096);
        }
        List<ServerHello> hellos = seen.sent(ServerHello.class);
        assertEquals(2, hellos.size());
        assertTrue(hasCookie(hellos.get(0)), "RFC 8446 §4.2.2: our HelloRetryRequest carries the cookie s_client echoed");
    }

    @Test
    void ourClientEchoesTheCookieOfSServerStateless() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        // s_server -stateless (OpenSSL 3.0) takes no change_cipher_spec before the second ClientHello: no middlebox mode
        try (OpenSslServer server = sServer().option("-stateless").start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                     client().middleboxCompatibility(false).observer(seen).build())) {
            Exchange.bound(socket);
            Exchange.bothWays(socket, server, 4096);
        }
        List<ServerHello> hellos = seen.received(ServerHello.class);
        assertTrue(hasCookie(hellos.get(0)), "s_server -stateless answers the first ClientHello with a cookie");
        assertFalse(hellos.get(0).extensionsOrEmpty().find(ExtensionType.KEY_SHARE).isPresent(),
                "our x25519 share would do: the HelloRetryRequest asks for the cookie only");
        assertFalse(hellos.get(1).isHelloRetryRequest());
    }

    // ------------------------------------------------------------------ psk_ke

    @Test
    void ourClientResumesWithPskKeFromSServerAllowNoDheKex() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        TlsConfig config = client().clientSessionStore(new InMemoryClientSessionStore(4))
                .pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE).observer(seen).build();
        try (OpenSslServer server = sServer().option("-allow_no_dhe_kex").start()) {
            assertFalse(connectAndTalk(server, config).resumed());
            SessionInfo second = connectAndTalk(server, config);
            assertTrue(second.resumed());
        }
        List<ServerHello> hellos = seen.received(ServerHello.class);
        assertTrue(hellos.get(0).extensionsOrEmpty().find(ExtensionType.KEY_SHARE).isPresent(), "the full handshake: (EC)DHE");
        assertFalse(hellos.get(1).extensionsOrEmpty().find(ExtensionType.KEY_SHARE).isPresent(),
                "RFC 8446 §4.2.9: psk_ke, the PSK alone");
    }

    @Test
    void sServerWithoutAllowNoDheKexMakesAFullHandshakeForAPskKeOnlyClient() throws Exception {
        TlsConfig config = client().clientSessionStore(new InMemoryClientSessionStore(4))
                .pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE).build();
        try (OpenSslServer server = sServer().start()) {
            connectAndTalk(server, config);
            assertFalse(connectAndTalk(server, config).resumed(), "OpenSSL's default: psk_dhe_ke only");
        }
    }

    private static SessionInfo connectAndTalk(OpenSslServer server, TlsConfig config) throws Exception {
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
            Exchange.bound(socket);
            Exchange.bothWays(socket, server, 1024); // reading takes the NewSessionTickets in
            return socket.session();
        }
    }

    @Test
    void sClientAllowNoDheKexResumesWithPskKeFromOurServer() throws Exception {
        Path session = directory.resolve("psk-ke-session.pem");
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        TlsConfig config = server().ticketProtector(TicketProtector.withDefaults())
                .pskKeyExchangeModes(PskKeyExchangeMode.PSK_KE, PskKeyExchangeMode.PSK_DHE_KE).observer(seen).build();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config)) {
            try (OpenSslClient client = sClient(server).option("-allow_no_dhe_kex").sessOut(session).start();
                 TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                Exchange.bothWays(socket, client, 1024); // s_client read our tickets before our data, and saved one
                assertTrue(Files.size(session) > 0, client::diagnostics);
                client.closeStdin();
                assertEquals(Optional.of(0), client.awaitExit(Exchange.WAIT), client::diagnostics);
            }
            try (OpenSslClient client = sClient(server).option("-allow_no_dhe_kex").sessIn(session).start();
                 TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                assertTrue(socket.session().resumed());
                assertTrue(client.awaitStdout(REUSED, 0, Exchange.WAIT).isPresent(), client::diagnostics);
                Exchange.bothWays(socket, client, 1024);
            }
        }
        List<ServerHello> hellos = seen.sent(ServerHello.class);
        assertFalse(hellos.get(hellos.size() - 1).extensionsOrEmpty().find(ExtensionType.KEY_SHARE).isPresent(),
                "s_client offered psk_ke and psk_dhe_ke; our server prefers psk_ke here");
    }
}
