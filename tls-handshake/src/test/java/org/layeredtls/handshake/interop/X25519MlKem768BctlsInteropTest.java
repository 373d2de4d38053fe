package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.Alert;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * The post-quantum hybrid X25519MLKEM768 (0x11EC) against BouncyCastle's own TLS 1.3 (bctls, {@link BctlsPeer}),
 * in this JVM, both directions: each side offers or accepts that one group, both sides must report it as the
 * group of the handshake (our observer's ServerHello key_share, bctls's SecurityParameters), and 1 MiB goes each
 * way; each of the five TLS 1.3 suites (CCM and CCM_8 too, which bctls has and the JDK has not) both ways, on each
 * crypto backend (ML-KEM-768 comes from {@code TlsConfig.crypto().keyEncapsulation()}; the JDK backend lends
 * BouncyCastle's). OpenSSL 3.0 here has no ML-KEM: bctls is the reference peer.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class X25519MlKem768BctlsInteropTest {

    private static final int BC_X25519MLKEM768 = org.bouncycastle.tls.NamedGroup.X25519MLKEM768;
    private static final int BC_X25519 = org.bouncycastle.tls.NamedGroup.x25519;
    private static final List<CipherSuite> TLS13_SUITES = Arrays.stream(CipherSuite.values()).filter(CipherSuite::isTls13).toList();

    /** Every TLS 1.3 suite on each crypto backend (the JDK backend lends BouncyCastle's ML-KEM and CCM). */
    static Stream<Arguments> suitesOnEachBackend() {
        return Arrays.stream(CryptoBackend.values()).flatMap(backend -> TLS13_SUITES.stream().map(suite -> Arguments.of(suite, backend)));
    }

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static ExecutorService threads;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("suitesOnEachBackend")
    void ourClientAgreesOnX25519MlKem768WithABctlsServer(CipherSuite suite, CryptoBackend backend) throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        TlsConfig config = TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).tls13CipherSuites(suite).trustAnchors(pki.trustAnchors())
                .serverName("localhost").namedGroups(NamedGroup.X25519MLKEM768).keyShareGroups(NamedGroup.X25519MLKEM768)
                .cryptoBackend(backend).observer(log).build();
        byte[] outbound = DataTransfer.randomBytes(DataTransfer.ONE_MIB);
        try (ServerSocket listener = OpenSslClientInteropTest.listener()) {
            Future<BctlsPeer.Outcome> bctls = threads.submit(() -> {
                try (Socket accepted = listener.accept()) {
                    accepted.setSoTimeout((int) Exchange.WAIT.toMillis());
                    return BctlsPeer.echoServer(accepted, BC_X25519MLKEM768, pki.serverRsa());
                }
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), config)) {
                Exchange.bound(socket);
                socket.startHandshake();
                assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
                assertArrayEquals(outbound, EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), outbound),
                        "bctls's echo differs");
            }
            BctlsPeer.Outcome outcome = bctls.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("X25519MLKEM768", outcome.groupName());
            assertEquals(suite.code(), outcome.cipherSuite());
            assertEquals(outbound.length, outcome.bytes());
        }
        assertEquals(Optional.of(NamedGroup.X25519MLKEM768), log.negotiatedGroup(), log::toString);
        assertEquals(0, log.helloRetryRequests(), log::toString);
        assertEquals(List.of(Alert.closeNotify()), log.alerts(false), () -> "bctls answers our close_notify: " + log);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("suitesOnEachBackend")
    void aBctlsClientAgreesOnX25519MlKem768WithOurServer(CipherSuite suite, CryptoBackend backend) throws Exception {
        Tls13HandshakeLog log = runAgainstBctlsClient(suite, backend, new int[] {BC_X25519MLKEM768}, new int[] {BC_X25519MLKEM768});
        assertEquals(0, log.helloRetryRequests(), log::toString);
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void ourServerAsksABctlsClientForAnX25519MlKem768ShareWithAHelloRetryRequest(CryptoBackend backend) throws Exception {
        // bctls sends an x25519 share first; our server takes the hybrid only
        Tls13HandshakeLog log = runAgainstBctlsClient(CipherSuite.TLS_AES_128_GCM_SHA256, backend,
                new int[] {BC_X25519, BC_X25519MLKEM768}, new int[] {BC_X25519});
        assertEquals(1, log.helloRetryRequests(), log::toString);
    }

    /**
     * Our server (X25519MLKEM768 only, every TLS 1.3 suite, on {@code backend}) against a bctls client offering
     * {@code suite} only; both must report the hybrid and the suite; 1 MiB each way.
     */
    private static Tls13HandshakeLog runAgainstBctlsClient(CipherSuite suite, CryptoBackend backend, int[] supportedGroups,
            int[] keyShareGroups)
            throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        TestPki.Identity identity = pki.serverRsa();
        TlsConfig config = TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).certificate(identity.chain(), identity.privateKey())
                .tls13CipherSuites(TLS13_SUITES).namedGroups(NamedGroup.X25519MLKEM768).cryptoBackend(backend).observer(log).build();
        byte[] data = DataTransfer.randomBytes(DataTransfer.ONE_MIB);
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config)) {
            Future<BctlsPeer.Outcome> bctls = threads.submit(() -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                    socket.setSoTimeout((int) Exchange.WAIT.toMillis());
                    return BctlsPeer.echoClient(socket, suite.code(), supportedGroups, keyShareGroups, identity.certificate(), data);
                }
            });
            SessionInfo session;
            long echoed;
            try (TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                socket.startHandshake();
                session = socket.session();
                echoed = EchoStreams.echoUntilEnd(socket.getInputStream(), socket.getOutputStream()); // to bctls's close_notify
            }
            BctlsPeer.Outcome outcome = bctls.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(ProtocolVersion.TLS1_3, session.version());
            assertEquals(suite, session.cipherSuite());
            assertEquals(suite.code(), outcome.cipherSuite());
            assertEquals(data.length, echoed);
            assertEquals("X25519MLKEM768", outcome.groupName());
        }
        assertEquals(Optional.of(NamedGroup.X25519MLKEM768), log.negotiatedGroup(), log::toString);
        assertEquals(List.of(Alert.closeNotify()), log.alerts(false), () -> "our read ends at bctls's close_notify: " + log);
        return log;
    }
}
