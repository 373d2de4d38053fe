package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.jca.PemKeyStores;
import org.layeredtls.record.ProtocolVersion;

/**
 * The post-quantum hybrid X25519MLKEM768 (0x11EC) in a whole TLS 1.3 handshake against BouncyCastle's own TLS
 * (bctls, its JSSE provider, in-process; test scope only), both directions: OpenSSL 3.0 here cannot speak it.
 * Each side offers only the hybrid, so the handshake succeeds only if both agree on it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Tls13HybridBctlsInteropTest {

    private static final String HYBRID = "X25519MLKEM768";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;

    private static TestPki pki;
    private final ExecutorService peer = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @AfterEach
    void stopPeer() {
        peer.shutdownNow();
    }

    private static SSLContext bctls() throws Exception {
        // bctls on BouncyCastle's JCA provider (its default crypto asks the JDK for a "DEFAULT" SecureRandom)
        BouncyCastleJsseProvider provider = new BouncyCastleJsseProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX", provider);
        keys.init(PemKeyStores.keyStore(pki.serverRsa().certificate(), pki.serverRsa().key(), "server", PASSWORD), PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX", provider);
        trust.init(PemKeyStores.trustStore(pki.ca().certificate()));
        SSLContext context = SSLContext.getInstance("TLSv1.3", provider);
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), new java.security.SecureRandom());
        return context;
    }

    /** bctls offers or accepts the hybrid group only. */
    private static void hybridOnly(SSLSocket socket) {
        BCSSLSocket bc = (BCSSLSocket) socket;
        BCSSLParameters parameters = bc.getParameters();
        parameters.setNamedGroups(new String[] {HYBRID});
        parameters.setProtocols(new String[] {"TLSv1.3"});
        bc.setParameters(parameters);
    }

    private static TlsConfig.Builder hybridConfig() {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3)
                .namedGroups(NamedGroup.X25519MLKEM768).keyShareGroups(NamedGroup.X25519MLKEM768);
    }

    /** Echoes one message back on a bctls socket. */
    private static byte[] echoOnce(SSLSocket socket, int length) throws Exception {
        InputStream in = socket.getInputStream();
        byte[] message = in.readNBytes(length);
        OutputStream out = socket.getOutputStream();
        out.write(message);
        out.flush();
        return message;
    }

    @Test
    void ourClientAgreesOnX25519Mlkem768WithABctlsServer() throws Exception {
        byte[] data = DataTransfer.randomBytes(65536);
        try (SSLServerSocket listener = (SSLServerSocket) bctls().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout((int) Exchange.WAIT.toMillis());
            Future<byte[]> server = peer.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout((int) Exchange.WAIT.toMillis());
                    hybridOnly(socket);
                    return echoOnce(socket, data.length);
                }
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(),
                    hybridConfig().trustAnchors(pki.trustAnchors()).serverName("localhost").build())) {
                Exchange.bound(socket);
                SessionInfo session = socket.session();
                assertEquals(ProtocolVersion.TLS1_3, session.version());
                socket.getOutputStream().write(data);
                socket.getOutputStream().flush();
                assertArrayEquals(data, socket.getInputStream().readNBytes(data.length));
            }
            assertArrayEquals(data, server.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void aBctlsClientAgreesOnX25519Mlkem768WithOurServer() throws Exception {
        byte[] data = DataTransfer.randomBytes(65536);
        TlsConfig config = hybridConfig().certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey()).build();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config)) {
            Future<byte[]> client = peer.submit(() -> {
                try (SSLSocket socket = (SSLSocket) bctls().getSocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                    socket.setSoTimeout((int) Exchange.WAIT.toMillis());
                    hybridOnly(socket);
                    socket.getOutputStream().write(data);
                    socket.getOutputStream().flush();
                    return socket.getInputStream().readNBytes(data.length);
                }
            });
            try (TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
                byte[] received = socket.getInputStream().readNBytes(data.length);
                socket.getOutputStream().write(received);
                socket.getOutputStream().flush();
                assertArrayEquals(data, client.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS));
            }
        }
    }
}
