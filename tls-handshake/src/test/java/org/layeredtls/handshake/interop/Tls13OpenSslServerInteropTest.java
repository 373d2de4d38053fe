package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * Our TLS 1.3 client against {@code openssl s_server -tls1_3}: the three AEAD suites, the groups x25519, P-256
 * and P-384, RSA (rsa_pss_rsae_sha256) and ECDSA certificates, a HelloRetryRequest forced by the server's
 * {@code -groups}, middlebox compatibility on and off; each cell a handshake, data both ways and close_notify.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class Tls13OpenSslServerInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static OpenSslServer rsaServer;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.create(directory);
        rsaServer = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .option("-tls1_3").directory(directory).start();
    }

    @AfterAll
    static void stopServer() {
        if (rsaServer != null) {
            rsaServer.close();
        }
    }

    /** TLS 1.3 enabled (not the default), one suite, the CA of the test PKI. */
    private static TlsConfig.Builder tls13(CipherSuite suite) throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).tls13CipherSuites(suite)
                .trustAnchors(pki.trustAnchors()).serverName("localhost");
    }

    /** Handshake, {@code size} bytes each way, our close_notify answered by s_server's "DONE". */
    private static SessionInfo runCell(OpenSslServer server, TlsConfig config, int size) throws Exception {
        int mark = server.stdoutSize();
        SessionInfo session;
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
            Exchange.bound(socket);
            socket.startHandshake();
            session = socket.session();
            assertEquals(ProtocolVersion.TLS1_3, session.version());
            assertEquals(Optional.of(session.cipherSuite().openSslName()), server.awaitHandshake(mark, Exchange.WAIT),
                    server::diagnostics);
            Exchange.bothWays(socket, server, size);
        }
        assertTrue(server.awaitCleanClose(mark, Exchange.WAIT), server::diagnostics);
        return session;
    }

    @Test
    void getsTheWwwPageOverTls13WithX25519AndAnRsaPssCertificateVerify() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        try (OpenSslServer www = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .option("-tls1_3").www().directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", www.port(), tls13(CipherSuite.TLS_AES_128_GCM_SHA256)
                     .namedGroups(NamedGroup.X25519).observer(seen).build())) {
            Exchange.bound(socket);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String page = readAll(socket.getInputStream()); // s_server -www closes with close_notify after the page
            assertTrue(page.contains("Protocol  : TLSv1.3"), page);
            assertTrue(page.contains("Cipher    : TLS_AES_128_GCM_SHA256"), page);
            assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, socket.session().cipherSuite());
            CertificateVerify verify = seen.received(CertificateVerify.class).get(0);
            assertEquals(0x0804, verify.signature().algorithm().getAsInt(), "rsa_pss_rsae_sha256");
        }
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void eachAeadSuiteCarriesOneMebibyteEachWay(CipherSuite suite) throws Exception {
        SessionInfo session = runCell(rsaServer, tls13(suite).build(), DataTransfer.ONE_MIB);
        assertEquals(suite, session.cipherSuite());
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"})
    void eachCcmSuiteOpenSslOffersWhenNamedCarriesData(CipherSuite suite) throws Exception {
        try (OpenSslServer ccm = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .option("-tls1_3").ciphersuites(suite.openSslName()).directory(directory).start()) {
            assertEquals(suite, runCell(ccm, tls13(suite).build(), 65536).cipherSuite());
        }
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"X25519", "SECP256R1", "SECP384R1"})
    void eachKeyShareGroupIsAccepted(NamedGroup group) throws Exception {
        runCell(rsaServer, tls13(CipherSuite.TLS_AES_128_GCM_SHA256).namedGroups(group).keyShareGroups(group).build(), 4096);
    }

    @Test
    void verifiesAnEcdsaCertificate() throws Exception {
        try (OpenSslServer ecdsa = OpenSslServer.builder().cert(pki.serverEcdsa().certificate()).key(pki.serverEcdsa().key())
                .option("-tls1_3").directory(directory).start()) {
            SessionInfo session = runCell(ecdsa, tls13(CipherSuite.TLS_AES_256_GCM_SHA384).build(), 4096);
            assertTrue(session.peerCertificates().get(0).publicKey() instanceof org.layeredtls.crypto.EcPublicKey);
        }
    }

    @Test
    void answersAHelloRetryRequestForAnotherGroup() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        try (OpenSslServer p256Only = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .option("-tls1_3", "-groups", "P-256").directory(directory).start()) {
            // x25519 share first (the default), P-256 supported: the server asks again with a HelloRetryRequest
            runCell(p256Only, tls13(CipherSuite.TLS_AES_128_GCM_SHA256).observer(seen).build(), 4096);
        }
        List<ServerHello> hellos = seen.received(ServerHello.class);
        assertEquals(2, hellos.size());
        assertTrue(hellos.get(0).isHelloRetryRequest());
    }

    @Test
    void worksWithoutMiddleboxCompatibilityMode() throws Exception {
        runCell(rsaServer, tls13(CipherSuite.TLS_AES_128_GCM_SHA256).middleboxCompatibility(false).build(), 4096);
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            page.write(buffer, 0, n);
        }
        return page.toString(StandardCharsets.US_ASCII);
    }
}
