package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ProtocolVersion;

/**
 * The defaults ({@code TlsConfig.builder()} with no version, suite or group set: TLS 1.2 to 1.3, the hybrid
 * X25519MLKEM768 and x25519 shares) against real peers that also run their own defaults: OpenSSL 3.0 (no hybrid)
 * both ways gets TLS 1.3 over x25519, without a HelloRetryRequest; an OpenSSL server without TLS 1.3 gets TLS 1.2
 * and no downgrade sentinel; a bctls server that offers the hybrid gets X25519MLKEM768; the JDK's SunJSSE (17: no
 * hybrid) both ways gets TLS 1.3 over x25519.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DefaultsInteropTest {

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

    private static TlsConfig.Builder defaultClient(Tls13HandshakeLog log) throws Exception {
        return TlsConfig.builder().trustAnchors(pki.trustAnchors()).serverName("localhost").observer(log);
    }

    private static TlsConfig defaultServer(Tls13HandshakeLog log) throws Exception {
        return TlsConfig.builder().certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey()).observer(log).build();
    }

    @Test
    void aDefaultClientGetsTls13OverX25519FromADefaultOpenSslServer() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), defaultClient(log).build())) {
            Exchange.bound(socket);
            assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
            Exchange.bothWays(socket, server, 4096);
        }
        assertEquals(Optional.of(NamedGroup.X25519), log.negotiatedGroup(), log::toString);
        assertEquals(0, log.helloRetryRequests(), () -> "OpenSSL 3.0 takes our x25519 share at once: " + log);
    }

    @Test
    void aDefaultOpenSslClientGetsTls13FromADefaultServer() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), defaultServer(log));
             OpenSslClient client = OpenSslClient.builder(server.getLocalPort()).caFile(pki.ca().certificate())
                     .verifyReturnError().servername("localhost").directory(directory).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
            // no ticket (the default server has no ticket protector), so no SSL-Session block: s_client's summary line
            Optional<PeerProcess.Match> summary = client.awaitStdout(Pattern.compile("New, (TLSv1\\.\\d), Cipher is (\\S+)"),
                    0, Exchange.WAIT);
            assertTrue(summary.isPresent(), client::diagnostics);
            assertEquals("TLSv1.3", summary.get().group(1), client::diagnostics);
            Exchange.bothWays(socket, client, 4096);
        }
        assertEquals(Optional.of(NamedGroup.X25519), log.negotiatedGroup(), log::toString);
    }

    @Test
    void aDefaultClientGetsTls12WithoutADowngradeAlarmFromAnOpenSslServerWithoutTls13() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .noTls1_3().directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), defaultClient(log).build())) {
            Exchange.bound(socket);
            assertEquals(ProtocolVersion.TLS1_2, socket.session().version(), "no illegal_parameter: a real 1.2 server");
            Exchange.bothWays(socket, server, 4096);
        }
        byte[] random = log.received(ServerHello.class).get(0).random();
        assertFalse(Arrays.equals(ServerHello.DOWNGRADE_TLS12, Arrays.copyOfRange(random, 24, 32)), log::toString);
    }

    @Test
    void aDefaultClientGetsX25519MlKem768FromABctlsServerThatOffersIt() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        byte[] outbound = DataTransfer.randomBytes(4096);
        try (ServerSocket listener = OpenSslClientInteropTest.listener()) {
            Future<BctlsPeer.Outcome> bctls = threads.submit(() -> {
                try (Socket accepted = listener.accept()) {
                    accepted.setSoTimeout((int) Exchange.WAIT.toMillis());
                    return BctlsPeer.echoServer(accepted, org.bouncycastle.tls.NamedGroup.X25519MLKEM768, pki.serverRsa());
                }
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), defaultClient(log).build())) {
                Exchange.bound(socket);
                assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
                assertArrayEquals(outbound, EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), outbound));
            }
            assertEquals("X25519MLKEM768", bctls.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS).groupName());
        }
        assertEquals(Optional.of(NamedGroup.X25519MLKEM768), log.negotiatedGroup(), log::toString);
        assertEquals(0, log.helloRetryRequests(), () -> "our first ClientHello carries a hybrid share: " + log);
    }

    @Test
    void aDefaultClientGetsTls13OverX25519FromTheJdksDefaultServer() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        SSLContext jdk = JdkTls13Peer.context(pki, pki.serverRsa());
        byte[] outbound = DataTransfer.randomBytes(4096);
        try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<String> served = threads.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.setSoTimeout((int) Exchange.WAIT.toMillis());
                    accepted.startHandshake();
                    EchoStreams.echoUntilEnd(accepted.getInputStream(), accepted.getOutputStream());
                    return accepted.getSession().getProtocol();
                }
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), defaultClient(log).build())) {
                Exchange.bound(socket);
                assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
                assertArrayEquals(outbound, EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), outbound));
            }
            assertEquals("TLSv1.3", served.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(Optional.of(NamedGroup.X25519), log.negotiatedGroup(), log::toString);
        assertEquals(0, log.helloRetryRequests(), log::toString);
    }

    @Test
    void theJdksDefaultClientGetsTls13OverX25519FromADefaultServer() throws Exception {
        Tls13HandshakeLog log = new Tls13HandshakeLog();
        SSLContext jdk = JdkTls13Peer.context(pki, null);
        byte[] outbound = DataTransfer.randomBytes(4096);
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), defaultServer(log))) {
            Future<String> client = threads.submit(() -> {
                try (SSLSocket socket = (SSLSocket) jdk.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                        server.getLocalPort())) {
                    socket.setSoTimeout((int) Exchange.WAIT.toMillis());
                    socket.startHandshake();
                    byte[] back = EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), outbound);
                    return socket.getSession().getProtocol() + (Arrays.equals(outbound, back) ? "" : " (echo differs)");
                }
            });
            try (TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
                EchoStreams.echoUntilEnd(socket.getInputStream(), socket.getOutputStream());
            }
            assertEquals("TLSv1.3", client.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertEquals(Optional.of(NamedGroup.X25519), log.negotiatedGroup(), log::toString);
        assertEquals(0, log.helloRetryRequests(), log::toString);
    }
}
