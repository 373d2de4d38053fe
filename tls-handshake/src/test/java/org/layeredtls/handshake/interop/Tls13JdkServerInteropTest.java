package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.alert.Alert;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.PaddingPolicy;
import org.layeredtls.record.ProtocolVersion;

/**
 * Our TLS 1.3 client against the JDK's {@code SSLServerSocket} (SunJSSE, in this JVM, {@link JdkTls13Peer}): the
 * three AEAD suites with 1 MiB each way, the groups x25519, P-256, P-384 and ffdhe2048, a HelloRetryRequest, RSA
 * and ECDSA server certificates, RSA and ECDSA client certificates, KeyUpdate (ours with update_requested, those
 * our record limit makes us send, and the JDK's own at its jdk.tls.keyLimits, in a forked JVM), resumption with
 * the JDK's ticket, TLS 1.2 from a JDK server without TLS 1.3, middlebox compatibility off, record padding;
 * every cell ends with our close_notify, which the JDK answers with its own.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class Tls13JdkServerInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static SSLContext rsaContext;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
        rsaContext = JdkTls13Peer.context(pki, pki.serverRsa());
    }

    private static TlsConfig.Builder tls13(CipherSuite suite, Tls13HandshakeLog log) throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).tls13CipherSuites(suite)
                .trustAnchors(pki.trustAnchors()).serverName("localhost").observer(log);
    }

    /**
     * One connection: handshake, {@code size} random bytes (in 16 KiB application writes) to the JDK while its echo is read back, our
     * close_notify; the JDK side must have echoed every byte and seen our close_notify (its read ended cleanly).
     */
    private static SessionInfo runCell(JdkTls13Peer.EchoServer server, TlsConfig config, int size,
                                       SocketAction afterHandshake) throws Exception {
        SessionInfo session;
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
            Exchange.bound(socket);
            socket.startHandshake();
            session = socket.session();
            assertEquals(ProtocolVersion.TLS1_3, session.version());
            afterHandshake.run(socket);
            byte[] outbound = DataTransfer.randomBytes(size);
            assertArrayEquals(outbound, EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), outbound),
                    "the JDK's echo differs from what we sent");
        }
        JdkTls13Peer.Outcome outcome = server.nextOutcome();
        assertEquals(Optional.empty(), outcome.failure(), outcome::describe);
        assertEquals(size, outcome.bytes(), outcome::describe);
        assertEquals(JdkTls13Peer.PROTOCOL, outcome.session().getProtocol());
        assertEquals(session.cipherSuite().ianaName(), outcome.session().getCipherSuite());
        return session;
    }

    private static SessionInfo runCell(JdkTls13Peer.EchoServer server, TlsConfig config, int size) throws Exception {
        return runCell(server, config, size, socket -> { });
    }

    /** Something done on our socket between the handshake and the data. */
    @FunctionalInterface
    interface SocketAction {
        void run(TlsSocket socket) throws Exception;
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void eachAeadSuiteCarriesOneMebibyteEachWay(CipherSuite suite) throws Exception {
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, suite.ianaName(), false)) {
            SessionInfo session = runCell(server, tls13(suite, new Tls13HandshakeLog()).build(), DataTransfer.ONE_MIB);
            assertEquals(suite, session.cipherSuite());
        }
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"X25519", "SECP256R1", "SECP384R1", "FFDHE2048"})
    void eachKeyShareGroupIsTaken(NamedGroup group) throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_AES_128_GCM_SHA256", false)) {
            runCell(server, tls13(CipherSuite.TLS_AES_128_GCM_SHA256, log).namedGroups(group).keyShareGroups(group).build(), 4096);
        }
        assertEquals(Optional.of(group), log.negotiatedGroup(), log::toString);
        assertEquals(0, log.helloRetryRequests(), log::toString);
    }

    @Test
    void answersTheJdksHelloRetryRequestForAGroupItKnows() throws Exception {
        // our only key share is X25519MLKEM768, which the JDK 17 does not know; P-256 is also supported
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_AES_128_GCM_SHA256", false)) {
            runCell(server, tls13(CipherSuite.TLS_AES_128_GCM_SHA256, log)
                    .namedGroups(NamedGroup.X25519MLKEM768, NamedGroup.SECP256R1).keyShareGroups(NamedGroup.X25519MLKEM768)
                    .build(), 4096);
        }
        assertEquals(1, log.helloRetryRequests(), log::toString);
        assertEquals(Optional.of(NamedGroup.SECP256R1), log.negotiatedGroup(), log::toString);
    }

    @Test
    void verifiesTheJdksEcdsaCertificate() throws Exception {
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(JdkTls13Peer.context(pki, pki.serverEcdsa()),
                "TLS_AES_256_GCM_SHA384", false)) {
            SessionInfo session = runCell(server, tls13(CipherSuite.TLS_AES_256_GCM_SHA384, new Tls13HandshakeLog()).build(), 4096);
            assertTrue(session.peerCertificates().get(0).publicKey() instanceof org.layeredtls.crypto.EcPublicKey);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ClientCertificate.class)
    void authenticatesWithAClientCertificateTheJdkRequires(ClientCertificate kind) throws Exception {
        TestPki.Identity identity = kind.of(pki);
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_AES_128_GCM_SHA256", true)) {
            TlsConfig config = tls13(CipherSuite.TLS_AES_128_GCM_SHA256, log)
                    .certificate(identity.chain(), identity.privateKey()).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
                Exchange.bound(socket);
                socket.startHandshake();
                socket.getOutputStream().write(new byte[] {1, 2, 3});
                assertArrayEquals(new byte[] {1, 2, 3}, socket.getInputStream().readNBytes(3));
            }
            JdkTls13Peer.Outcome outcome = server.nextOutcome();
            assertEquals(Optional.empty(), outcome.failure(), outcome::describe);
            X509Certificate seen = (X509Certificate) outcome.session().getPeerCertificates()[0];
            assertEquals(JssePeer.readCertificates(identity.certificate())[0], seen);
        }
        assertEquals(1, log.received(Tls13CertificateRequest.class).size(), log::toString);
    }

    /** The two client certificates of the test PKI. */
    enum ClientCertificate {
        RSA, ECDSA;

        TestPki.Identity of(TestPki pki) {
            return this == RSA ? pki.clientRsa() : pki.clientEcdsa();
        }
    }

    @Test
    void theJdkAnswersOurKeyUpdateWithItsOwn() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_AES_128_GCM_SHA256", false)) {
            // update_requested: the JDK must change its keys too, with a KeyUpdate of its own before its next data
            runCell(server, tls13(CipherSuite.TLS_AES_128_GCM_SHA256, log).build(), 65536, socket -> socket.keyUpdate(true));
        }
        assertEquals(1, log.sent(KeyUpdate.class).size(), log::toString);
        assertEquals(1, log.received(KeyUpdate.class).size(), log::toString);
    }

    @Test
    void theJdkFollowsTheKeyUpdatesOurRecordLimitMakesUsSend() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_CHACHA20_POLY1305_SHA256", false)) {
            // 1 MiB is at least 64 full records: a new key every 16 records
            runCell(server, tls13(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, log).keyUpdateRecordLimit(16).build(),
                    DataTransfer.ONE_MIB);
        }
        assertTrue(log.sent(KeyUpdate.class).size() >= 3, log::toString);
    }

    @Test
    void getsTls12WithoutADowngradeAlarmFromAJdkServerWithoutTls13() throws Exception {
        // RFC 8446 §4.1.3: a server that speaks no TLS 1.3 writes no sentinel, and our 1.2-1.3 client must find none
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", false)) {
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                    tls13(CipherSuite.TLS_AES_128_GCM_SHA256, new Tls13HandshakeLog()).build())) {
                Exchange.bound(socket);
                socket.startHandshake();
                assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
                byte[] outbound = DataTransfer.randomBytes(4096);
                assertArrayEquals(outbound, EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), outbound));
            }
            JdkTls13Peer.Outcome outcome = server.nextOutcome();
            assertEquals(Optional.empty(), outcome.failure(), outcome::describe);
            assertEquals("TLSv1.2", outcome.session().getProtocol());
        }
    }

    @Test
    void worksWithoutMiddleboxCompatibilityMode() throws Exception {
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_AES_128_GCM_SHA256", false)) {
            runCell(server, tls13(CipherSuite.TLS_AES_128_GCM_SHA256, new Tls13HandshakeLog()).middleboxCompatibility(false).build(), 4096);
        }
    }

    @Test
    void theJdkStripsOurRecordPadding() throws Exception {
        // RFC 8446 §5.4: zeros after the inner content type, removed by the receiver; each inner plaintext a multiple of 256
        byte[] outbound = DataTransfer.randomBytes(65536 + 1);
        TappedSocket tapped;
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_AES_256_GCM_SHA384", false)) {
            tapped = new TappedSocket(new InetSocketAddress("127.0.0.1", server.port()), (int) Exchange.WAIT.toMillis());
            try (TlsSocket socket = TlsSocket.client(tapped, tls13(CipherSuite.TLS_AES_256_GCM_SHA384, new Tls13HandshakeLog())
                    .paddingPolicy(PaddingPolicy.padToMultipleOf(256)).build())) {
                assertArrayEquals(outbound, EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), outbound));
            }
            JdkTls13Peer.Outcome outcome = server.nextOutcome();
            assertEquals(Optional.empty(), outcome.failure(), outcome::describe);
        }
        List<Integer> protectedLengths = new ArrayList<>();
        ByteBuffer sent = ByteBuffer.wrap(tapped.conversation().stream().filter(TappedSocket.Chunk::fromClient)
                .map(TappedSocket.Chunk::bytes).reduce(new byte[0], (a, b) -> ByteBuffer.allocate(a.length + b.length)
                        .put(a).put(b).array()));
        while (sent.remaining() >= 5) {
            int type = sent.get() & 0xFF;
            sent.getShort(); // legacy_record_version
            int length = sent.getShort() & 0xFFFF;
            sent.position(sent.position() + length);
            if (type == 23) {
                protectedLengths.add(length);
            }
        }
        assertTrue(protectedLengths.size() > 5, protectedLengths::toString);
        // TLSCiphertext = TLSInnerPlaintext (content, type, zeros: a multiple of 256, or for a full record the
        // limit 2^14 + 1, which no padding may pass) + the 16-byte AEAD tag
        assertTrue(protectedLengths.stream().map(length -> length - 16)
                .allMatch(inner -> inner % 256 == 0 || inner == (1 << 14) + 1), protectedLengths::toString);
        assertTrue(protectedLengths.stream().anyMatch(length -> (length - 16) % 256 == 0), protectedLengths::toString);
    }

    @Test
    void ourCloseNotifyIsAnsweredByTheJdks() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_AES_128_GCM_SHA256", false)) {
            runCell(server, tls13(CipherSuite.TLS_AES_128_GCM_SHA256, log).build(), 4096);
        }
        // the JDK's read ended at our close_notify (runCell), and its own came back before our close returned
        assertEquals(List.of(Alert.closeNotify()), log.alerts(true), log::toString);
        assertEquals(List.of(Alert.closeNotify()), log.alerts(false), log::toString);
    }

    @Test
    void resumesWithTheJdksTicket() throws Exception {
        TlsConfig config = tls13(CipherSuite.TLS_AES_128_GCM_SHA256, new Tls13HandshakeLog())
                .clientSessionStore(new InMemoryClientSessionStore(16)).build();
        List<SessionInfo> sessions = new ArrayList<>();
        try (JdkTls13Peer.EchoServer server = new JdkTls13Peer.EchoServer(rsaContext, "TLS_AES_128_GCM_SHA256", false)) {
            for (int i = 0; i < 2; i++) {
                sessions.add(runCell(server, config, 4096));
            }
        }
        assertFalse(sessions.get(0).resumed());
        assertTrue(sessions.get(1).resumed(), "second connection not resumed (PSK from the JDK's NewSessionTicket)");
    }

    @Test
    void theJdkUpdatesItsKeysAtItsKeyLimitAndWeFollow() throws Exception {
        // SSLSocket has no KeyUpdate call: SunJSSE sends one when a key reaches jdk.tls.keyLimits, a security property
        // read once per JVM, so this one cell runs the JDK in a forked JVM (JssePeer's echo server, TLS 1.3 only)
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (JsseProcess jdk = JsseProcess.server(directory, JdkTls13Peer.PROTOCOL, "TLS_AES_128_GCM_SHA256", pki.serverRsa(),
                null, "none", "jdk.tls.keyLimits=AES/GCM/NoPadding KeyUpdate 2^16")) {
            int mark = jdk.stdoutSize();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", jdk.port(), tls13(CipherSuite.TLS_AES_128_GCM_SHA256, log).build())) {
                Exchange.bound(socket);
                socket.startHandshake();
                byte[] outbound = DataTransfer.randomBytes(DataTransfer.ONE_MIB);
                assertArrayEquals(outbound, EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), outbound),
                        "the JDK's echo differs");
            }
            assertTrue(jdk.awaitLine("ECHOED " + DataTransfer.ONE_MIB, mark, Exchange.WAIT).isPresent(), jdk::diagnostics);
        }
        // 1 MiB each way under a 64 KiB limit: the JDK changes its write key again and again
        assertTrue(log.received(KeyUpdate.class).size() >= 8, log::toString);
    }
}
