package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * The JDK's {@code SSLSocket} (SunJSSE, in this JVM, {@link JdkTls13Peer}) against our TLS 1.3 server: the three
 * AEAD suites with 1 MiB each way, the groups x25519, P-256, P-384 and ffdhe2048 (the JDK 17's first key shares
 * are x25519 and P-256: a server that takes another group asks with a HelloRetryRequest), RSA and ECDSA server
 * certificates, RSA and ECDSA client certificates our server requires, our KeyUpdate with update_requested, the
 * JDK's own at its jdk.tls.keyLimits (in a forked JVM), resumption with our ticket, a refused client without a
 * certificate, TLS 1.2 with the downgrade sentinel for a client without TLS 1.3. The JDK client sends the data
 * and checks our echo; its close_notify ends our read cleanly (end of stream).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class Tls13JdkClientInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static SSLContext anonymousClient;
    private static ExecutorService threads;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
        anonymousClient = JdkTls13Peer.context(pki, null);
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    private static TlsConfig.Builder server(TestPki.Identity identity, Tls13HandshakeLog log) throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).tls13CipherSuites(TlsConfig.DEFAULT_TLS13_SUITES)
                .certificate(identity.chain(), identity.privateKey()).observer(log);
    }

    /**
     * One connection: the JDK client connects with {@code suite} (and its protocol only,
     * {@link JdkTls13Peer#protocolOf}), sends {@code size} random bytes and reads our echo, then sends close_notify;
     * our side echoes until that close_notify (end of stream), then closes.
     */
    private static List<SessionInfo> runCells(TlsConfig config, SSLContext client, String suite, int size, int connections,
                                              SocketAction afterHandshake) throws Exception {
        List<SessionInfo> sessions = new ArrayList<>();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config)) {
            for (int i = 0; i < connections; i++) {
                Future<JdkTls13Peer.Outcome> jdk = threads.submit(
                        () -> JdkTls13Peer.echoClient(client, server.getLocalPort(), suite, DataTransfer.randomBytes(size)));
                try (TlsSocket socket = server.accept()) {
                    Exchange.bound(socket);
                    socket.startHandshake();
                    SessionInfo session = socket.session();
                    assertEquals(JdkTls13Peer.protocolOf(suite), session.version().displayName());
                    afterHandshake.run(socket);
                    assertEquals(size, echoUntilCloseNotify(socket), "bytes echoed before the JDK's close_notify");
                    sessions.add(session);
                }
                JdkTls13Peer.Outcome outcome = jdk.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(Optional.empty(), outcome.failure(), outcome::describe);
                assertEquals(sessions.get(i).cipherSuite().ianaName(), outcome.session().getCipherSuite());
            }
        }
        return sessions;
    }

    private static SessionInfo runCell(TlsConfig config, SSLContext client, String suite, int size) throws Exception {
        return runCells(config, client, suite, size, 1, socket -> { }).get(0);
    }

    /** Something done on our socket between the handshake and the data. */
    @FunctionalInterface
    interface SocketAction {
        void run(TlsSocket socket) throws Exception;
    }

    private static long echoUntilCloseNotify(TlsSocket socket) throws Exception {
        return EchoStreams.echoUntilEnd(socket.getInputStream(), socket.getOutputStream()); // -1: the JDK's close_notify
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void theJdkGetsEachAeadSuiteAndOneMebibyteEachWay(CipherSuite suite) throws Exception {
        SessionInfo session = runCell(server(pki.serverRsa(), new Tls13HandshakeLog()).build(), anonymousClient,
                suite.ianaName(), DataTransfer.ONE_MIB);
        assertEquals(suite, session.cipherSuite());
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"X25519", "SECP256R1", "SECP384R1", "FFDHE2048"})
    void theJdksKeyShareIsTakenInEachGroup(NamedGroup group) throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        runCell(server(pki.serverRsa(), log).namedGroups(group).build(), anonymousClient, "TLS_AES_128_GCM_SHA256", 4096);
        assertEquals(Optional.of(group), log.negotiatedGroup(), log::toString);
    }

    @Test
    void asksTheJdkForAnotherKeyShareWithAHelloRetryRequest() throws Exception {
        // the JDK 17's first ClientHello has shares for x25519 and secp256r1 (its first two groups); our server takes P-384 only
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        runCell(server(pki.serverRsa(), log).namedGroups(NamedGroup.SECP384R1).build(), anonymousClient,
                "TLS_AES_128_GCM_SHA256", 4096);
        assertEquals(1, log.helloRetryRequests(), log::toString);
        assertEquals(Optional.of(NamedGroup.SECP384R1), log.negotiatedGroup(), log::toString);
    }

    @Test
    void signsWithAnEcdsaCertificateTheJdkVerifies() throws Exception {
        runCell(server(pki.serverEcdsa(), new Tls13HandshakeLog()).build(), anonymousClient, "TLS_AES_256_GCM_SHA384", 4096);
    }

    @ParameterizedTest
    @EnumSource(value = Tls13JdkServerInteropTest.ClientCertificate.class)
    void requiresAndVerifiesTheJdksClientCertificate(Tls13JdkServerInteropTest.ClientCertificate kind) throws Exception {
        TestPki.Identity identity = kind.of(pki);
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        SessionInfo session = runCell(server(pki.serverRsa(), log).clientAuth(ClientAuth.NEED)
                .trustAnchors(pki.trustAnchors()).build(), JdkTls13Peer.context(pki, identity), "TLS_AES_128_GCM_SHA256", 4096);
        assertEquals(identity.chain().get(0), session.peerCertificates().get(0));
        assertEquals(1, log.sent(Tls13CertificateRequest.class).size(), log::toString);
    }

    @Test
    void theJdkAnswersOurKeyUpdateWithItsOwn() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        runCells(server(pki.serverRsa(), log).build(), anonymousClient, "TLS_AES_128_GCM_SHA256", 65536, 1,
                socket -> socket.keyUpdate(true));
        assertEquals(1, log.sent(KeyUpdate.class).size(), log::toString);
        assertEquals(1, log.received(KeyUpdate.class).size(), log::toString);
    }

    @Test
    void givesATls12OnlyJdkClientTls12WithTheDowngradeSentinelInOurRandom() throws Exception {
        // RFC 8446 §4.1.3: a TLS 1.3 server that negotiates TLS 1.2 ends its random with DOWNGRD 01; a 1.2 client ignores it
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        SessionInfo session = runCell(server(pki.serverRsa(), log).build(), anonymousClient,
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 4096);
        assertEquals(ProtocolVersion.TLS1_2, session.version());
        byte[] random = log.sent(ServerHello.class).get(0).random();
        assertArrayEquals(ServerHello.DOWNGRADE_TLS12, Arrays.copyOfRange(random, 24, 32));
    }

    @Test
    void refusesAJdkClientWithoutTheCertificateItRequires() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        TlsConfig config = server(pki.serverRsa(), log).clientAuth(ClientAuth.NEED).trustAnchors(pki.trustAnchors()).build();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config)) {
            Future<JdkTls13Peer.Outcome> jdk = threads.submit(() -> JdkTls13Peer.echoClient(anonymousClient,
                    server.getLocalPort(), "TLS_AES_128_GCM_SHA256", DataTransfer.randomBytes(4096)));
            try (TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                assertThrows(IOException.class, socket::startHandshake);
            }
            // in TLS 1.3 the client learns of the refusal only after its own Finished: at its first read
            JdkTls13Peer.Outcome outcome = jdk.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(outcome.describe().contains("certificate_required"), outcome::describe);
        }
    }

    @Test
    void theJdksCloseNotifyEndsOurReadAndWeAnswerIt() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        runCell(server(pki.serverRsa(), log).build(), anonymousClient, "TLS_AES_128_GCM_SHA256", 4096);
        // our read ended (end of stream) at the JDK's close_notify, not at a bare TCP close; then we sent ours.
        // SunJSSE closes a TLS 1.3 socket whose read side is still open with user_canceled first: a warning that
        // does not end the connection (RFC 8446 §6.1), which we take and go on to its close_notify
        assertEquals(List.of(Alert.warning(AlertDescription.USER_CANCELED), Alert.closeNotify()), log.alerts(false), log::toString);
        assertEquals(List.of(Alert.closeNotify()), log.alerts(true), log::toString);
    }

    @Test
    void theJdkResumesWithOurTicket() throws Exception {
        // one SSLContext, one host and port: the JDK offers the PSK of our NewSessionTicket in its second ClientHello
        TlsConfig config = server(pki.serverRsa(), new Tls13HandshakeLog()).ticketProtector(TicketProtector.withDefaults()).build();
        List<SessionInfo> sessions = runCells(config, JdkTls13Peer.context(pki, null), "TLS_AES_128_GCM_SHA256", 4096, 2,
                socket -> { });
        assertEquals(List.of(false, true), sessions.stream().map(SessionInfo::resumed).toList(),
                "the JDK's second connection should resume with a PSK from our NewSessionTicket");
    }

    @Test
    void weFollowTheKeyUpdatesOfTheJdksKeyLimit() throws Exception {
        // SSLSocket has no KeyUpdate call: SunJSSE sends one when a key reaches jdk.tls.keyLimits, a security property
        // read once per JVM, so this one cell runs the JDK client in a forked JVM (JssePeer's echo client).
        // The JDK's KeyUpdates ask for ours (update_requested); it closes (close_notify, then TCP) as soon as it has
        // read its echo. RFC 8446 §4.6.3 lets us answer "prior to sending [our] next Application Data record"; a read
        // that answers at once may write to a closed connection and must still end at the close_notify
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), server(pki.serverRsa(), log).build());
             JsseProcess jdk = JsseProcess.client(directory, server.getLocalPort(), JdkTls13Peer.PROTOCOL, "TLS_AES_128_GCM_SHA256",
                     pki.ca().certificate(), null, DataTransfer.ONE_MIB, "jdk.tls.keyLimits=AES/GCM/NoPadding KeyUpdate 2^16")) {
            try (TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                socket.startHandshake();
                assertEquals(DataTransfer.ONE_MIB, echoUntilCloseNotify(socket), "bytes echoed before the JDK's close_notify");
            } catch (IOException e) {
                jdk.awaitExit(Exchange.WAIT);
                throw new AssertionError("our echo failed: " + e + "\n" + jdk.diagnostics() + "\n" + log, e);
            }
            assertTrue(jdk.awaitLine("ECHO OK " + DataTransfer.ONE_MIB, 0, Exchange.WAIT).isPresent(), jdk::diagnostics);
            assertEquals(Optional.of(0), jdk.awaitExit(Exchange.WAIT), jdk::diagnostics);
        }
        // 1 MiB each way under a 64 KiB limit: the JDK changes its write key again and again
        assertTrue(log.received(KeyUpdate.class).size() >= 8, log::toString);
    }
}
