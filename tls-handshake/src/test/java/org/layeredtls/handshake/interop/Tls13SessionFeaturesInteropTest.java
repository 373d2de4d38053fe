package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.trace.KeyLogWriter;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.3 beyond the first handshake, against OpenSSL in both directions: mutual authentication (RSA and
 * ECDSA client certificates), KeyUpdate both ways (asked for and not), NewSessionTicket and PSK resumption
 * (psk_dhe_ke), and the key log: our five TLS 1.3 lines are OpenSSL's own for the same connection.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class Tls13SessionFeaturesInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static TlsConfig.Builder client() throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).trustAnchors(pki.trustAnchors()).serverName("localhost");
    }

    private static TlsConfig.Builder server() throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).ticketProtector(TicketProtector.withDefaults())
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey());
    }

    private static OpenSslServer.Builder sServer() {
        return pki.tls13OpenSslServer();
    }

    private static OpenSslClient.Builder sClient(TlsServerSocket server) {
        return pki.tls13OpenSslClient(server.getLocalPort());
    }

    private static void awaitSClientHandshake(OpenSslClient client) throws InterruptedException {
        assertTrue(client.awaitStdout(Tls13OpenSslClientInteropTest.TLS13_SUMMARY, 0, Exchange.WAIT).isPresent(),
                client::diagnostics);
    }

    // ------------------------------------------------------------------ mutual authentication

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "ECDSA"})
    void ourClientCertificateSatisfiesSServerVerify(String keyType) throws Exception {
        TestPki.Identity identity = keyType.equals("RSA") ? pki.clientRsa() : pki.clientEcdsa();
        try (OpenSslServer server = sServer().caFile(pki.ca().certificate()).requireClientCertificate(1).verifyReturnError().start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                     client().certificate(identity.chain(), identity.privateKey()).build())) {
            Exchange.bound(socket);
            int mark = server.stdoutSize();
            socket.startHandshake();
            assertTrue(server.awaitHandshake(mark, Exchange.WAIT).isPresent(), server::diagnostics);
            Exchange.bothWays(socket, server, 4096); // s_server -Verify ends a handshake without a good certificate
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "ECDSA"})
    void ourServerVerifiesSClientCertificate(String keyType) throws Exception {
        TestPki.Identity identity = keyType.equals("RSA") ? pki.clientRsa() : pki.clientEcdsa();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                server().clientAuth(ClientAuth.NEED).trustAnchors(pki.trustAnchors()).build());
             OpenSslClient client = sClient(server).cert(identity.certificate()).key(identity.key()).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            SessionInfo session = socket.session();
            assertEquals(identity.chain().get(0), session.peerCertificates().get(0));
            awaitSClientHandshake(client);
            Exchange.bothWays(socket, client, 4096);
        }
    }

    // ------------------------------------------------------------------ KeyUpdate

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ourClientUpdatesItsKeysAndSServerFollows(boolean requestPeerUpdate) throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        try (OpenSslServer server = sServer().start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), client().observer(seen).build())) {
            Exchange.bound(socket);
            Exchange.bothWays(socket, server, 4096);
            socket.keyUpdate(requestPeerUpdate);
            Exchange.bothWays(socket, server, 4096); // both directions still decrypt: the keys moved in step
        }
        // RFC 8446 §4.6.3: asked, the peer updates its own keys and says so with a KeyUpdate of its own
        assertEquals(requestPeerUpdate, !seen.received(KeyUpdate.class).isEmpty());
    }

    @Test
    void aKeyIsReplacedAtTheRecordLimitAndThePeerFollows() throws Exception {
        // (s_server prints a line of its own when a KeyUpdate arrives, inside the data: our server is the peer here)
        HandshakeMessagesSeen clientSaw = new HandshakeMessagesSeen();
        HandshakeMessagesSeen serverSaw = new HandshakeMessagesSeen();
        byte[] data = DataTransfer.randomBytes(8 * 16384); // 8 full records each way: past the limit of 3
        ExecutorService echo = Executors.newSingleThreadExecutor();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                server().keyUpdateRecordLimit(3).observer(serverSaw).build());
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.getLocalPort(),
                     client().keyUpdateRecordLimit(3).observer(clientSaw).build())) {
            Exchange.bound(socket);
            Future<?> echoing = echo.submit(() -> {
                try (TlsSocket accepted = server.accept()) {
                    Exchange.bound(accepted);
                    accepted.getOutputStream().write(accepted.getInputStream().readNBytes(data.length));
                    accepted.getOutputStream().flush();
                }
                return null;
            });
            socket.getOutputStream().write(data);
            socket.getOutputStream().flush();
            assertArrayEquals(data, socket.getInputStream().readNBytes(data.length));
            echoing.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            echo.shutdownNow();
        }
        // RFC 8446 §5.5: no key protects more records than the limit; each side follows the other's KeyUpdates
        assertTrue(clientSaw.sent(KeyUpdate.class).size() >= 2, "8 records at 3 per key: 2 KeyUpdates at least");
        assertTrue(serverSaw.sent(KeyUpdate.class).size() >= 2);
        assertEquals(clientSaw.sent(KeyUpdate.class).size(), serverSaw.received(KeyUpdate.class).size());
        assertTrue(clientSaw.sent(KeyUpdate.class).stream().noneMatch(KeyUpdate::updateRequested));
    }

    @ParameterizedTest
    @ValueSource(strings = {"k", "K"})
    void sServerKeyUpdateIsFollowed(String command) throws Exception {
        HandshakeMessagesSeen keyUpdate = HandshakeMessagesSeen.awaiting(KeyUpdate.class);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (OpenSslServer server = sServer().start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), client().observer(keyUpdate).build())) {
            Exchange.bound(socket);
            Exchange.bothWays(socket, server, 4096);
            // s_server drops whatever else the read that took the command returned: data goes once we saw its KeyUpdate
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Future<byte[]> read = reader.submit(() -> DataTransfer.readLines(in));
            server.writeStdin(command + "\n");
            assertTrue(keyUpdate.awaitReceived(), server::diagnostics);
            byte[] data = DataTransfer.randomBytes(4096);
            server.writeStdin(DataTransfer.encodeLines(data));
            assertArrayEquals(data, read.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS), "s_server's data under its new key");
            Exchange.bothWays(socket, server, 4096); // and both ways after (for K, under our new key too)
        } finally {
            reader.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k", "K"})
    void sClientKeyUpdateIsFollowedByOurServer(String command) throws Exception {
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), server().build());
             OpenSslClient client = sClient(server).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            awaitSClientHandshake(client);
            Exchange.bothWays(socket, client, 4096);
            int mark = client.stderrSize();
            client.writeStdin(command + "\n");
            // s_client says KEYUPDATE on stderr once it took the command (and dropped the rest of that read)
            assertTrue(client.awaitStderr(java.util.regex.Pattern.compile("KEYUPDATE"), mark, Exchange.WAIT).isPresent(),
                    client::diagnostics);
            Exchange.bothWays(socket, client, 4096);
        }
    }

    // ------------------------------------------------------------------ tickets and resumption

    @Test
    void ourClientResumesWithATicketFromSServer() throws Exception {
        TlsConfig config = client().clientSessionStore(new InMemoryClientSessionStore(4)).build();
        try (OpenSslServer server = sServer().start()) {
            SessionInfo first = connectAndTalk(server, config);
            assertFalse(first.resumed());
            SessionInfo second = connectAndTalk(server, config);
            assertTrue(second.resumed(), "RFC 8446 §2.2: the second handshake resumes with the ticket's PSK");
            assertEquals(first.peerCertificates(), second.peerCertificates());
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
    void sClientResumesWithOurTicket() throws Exception {
        Path session = directory.resolve("tls13-session.pem");
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), server().build())) {
            try (OpenSslClient client = sClient(server).sessOut(session).start(); TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                assertFalse(socket.session().resumed());
                awaitSClientHandshake(client);
                Exchange.bothWays(socket, client, 1024); // s_client read our tickets before our data, and saved one
                assertTrue(Files.size(session) > 0, client::diagnostics);
                client.closeStdin();
                assertEquals(Optional.of(0), client.awaitExit(Exchange.WAIT), client::diagnostics);
            }
            try (OpenSslClient client = sClient(server).sessIn(session).start(); TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                assertTrue(socket.session().resumed());
                assertTrue(client.awaitStdout(java.util.regex.Pattern.compile("Reused, TLSv1\\.3"), 0, Exchange.WAIT).isPresent(),
                        client::diagnostics);
            }
        }
    }

    // ------------------------------------------------------------------ key log

    @Test
    void ourKeyLogLinesAreOpenSslsForTheSameConnection() throws Exception {
        Path ours = directory.resolve("ours.keylog");
        Path theirs = directory.resolve("openssl.keylog");
        try (KeyLogWriter keyLog = KeyLogWriter.appendingTo(ours);
             OpenSslServer server = sServer().keylogFile(theirs).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), client().observer(keyLog).build())) {
            Exchange.bound(socket);
            Exchange.bothWays(socket, server, 1024);
        }
        Set<String> ourLines = lines(ours);
        assertEquals(Set.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
                "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"),
                ourLines.stream().map(line -> line.substring(0, line.indexOf(' '))).collect(Collectors.toSet()));
        assertTrue(lines(theirs).containsAll(ourLines), "OpenSSL's key log holds each of our lines");
    }

    private static Set<String> lines(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toSet());
    }
}
