package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/** Certificates across implementations, in TLS 1.2: mutual authentication, refused client certificates, a wrong server name. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuthenticationInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static TestPki.Identity clientIdentity(String type) {
        return type.equals("RSA") ? pki.clientRsa() : pki.clientEcdsa();
    }

    private static OpenSslServer sServerRequiringClientCertificate() throws Exception {
        return OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key()).tls1_2()
                .caFile(pki.ca().certificate()).requireClientCertificate(2).verifyReturnError().directory(directory)
                .start();
    }

    private static TlsConfig.Builder ourClient() throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_2).cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)
                .trustAnchors(pki.trustAnchors()).serverName("localhost");
    }

    private static TlsConfig.Builder ourServer(ClientAuth clientAuth) throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_2).certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey())
                .trustAnchors(pki.trustAnchors()).clientAuth(clientAuth);
    }

    @ParameterizedTest(name = "our client presents its {0} certificate to s_server -Verify")
    @ValueSource(strings = {"RSA", "ECDSA"})
    void ourClientAuthenticatesToSServer(String type) throws Exception {
        TestPki.Identity identity = clientIdentity(type);
        try (OpenSslServer server = sServerRequiringClientCertificate();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                     ourClient().certificate(identity.chain(), identity.privateKey()).build())) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertTrue(server.awaitHandshake(0, Exchange.WAIT).isPresent(), server::diagnostics);
            assertTrue(server.awaitStdout(Pattern.compile("subject=CN = client.localhost"), 0, Exchange.WAIT).isPresent(),
                    server::diagnostics);
            Exchange.bothWays(socket, server, 64 * 1024);
        }
    }

    @ParameterizedTest(name = "s_client presents its {0} certificate to our server (ClientAuth.NEED)")
    @ValueSource(strings = {"RSA", "ECDSA"})
    void sClientAuthenticatesToOurServer(String type) throws Exception {
        TestPki.Identity identity = clientIdentity(type);
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                ourServer(ClientAuth.NEED).build());
             OpenSslClient client = OpenSslClient.builder(server.getLocalPort()).tls1_2().caFile(pki.ca().certificate())
                     .verifyReturnError().cert(identity.certificate()).key(identity.key()).directory(directory).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            SessionInfo session = socket.session();
            // s_client sends its leaf and the CA it found in -CAfile
            assertEquals(identity.chain().get(0), session.peerCertificates().get(0));
            assertTrue(client.awaitHandshake(Exchange.WAIT), client::diagnostics);
            Exchange.bothWays(socket, client, 64 * 1024);
        }
    }

    @Test
    void ourServerRefusesAClientCertificateFromAnotherCaWithUnknownCa() throws Exception {
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                ourServer(ClientAuth.NEED).build());
             OpenSslClient client = OpenSslClient.builder(server.getLocalPort()).tls1_2().caFile(pki.ca().certificate())
                     .cert(pki.otherClient().certificate()).key(pki.otherClient().key()).directory(directory).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            TlsAlertException refused = assertThrows(TlsAlertException.class, socket::startHandshake);
            assertEquals(AlertDescription.UNKNOWN_CA, refused.description());
            assertTrue(client.awaitExit(Exchange.WAIT).map(code -> code != 0).orElse(false), client::diagnostics);
            assertTrue(client.awaitStderr(Pattern.compile("alert unknown ca"), 0, Exchange.WAIT).isPresent(), client::diagnostics);
        }
    }

    @Test
    void sServerRefusesOurClientCertificateFromAnotherCa() throws Exception {
        try (OpenSslServer server = sServerRequiringClientCertificate();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), ourClient()
                     .certificate(pki.otherClient().chain(), pki.otherClient().privateKey()).build())) {
            Exchange.bound(socket);
            TlsAlertReceivedException refused = assertThrows(TlsAlertReceivedException.class, () -> {
                socket.startHandshake();
                socket.getInputStream().read();  // in case the alert comes after our Finished
            });
            assertEquals(AlertDescription.UNKNOWN_CA, refused.description(), server::diagnostics);
        }
    }

    @Test
    void ourClientRefusesAServerCertificateForAnotherNameWithBadCertificate() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate())
                .key(pki.serverRsa().key()).tls1_2().directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                     ourClient().serverName("wrong.example").build())) {
            Exchange.bound(socket);
            TlsAlertException refused = assertThrows(TlsAlertException.class, socket::startHandshake);
            assertEquals(AlertDescription.BAD_CERTIFICATE, refused.description());
            assertFalse(server.awaitHandshake(0, java.time.Duration.ofMillis(200)).isPresent(), server::diagnostics);
        }
    }

    @Test
    void ourClientAcceptsTheEcdsaCertificateOfSServer() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverEcdsa().certificate())
                .key(pki.serverEcdsa().key()).tls1_2().directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), ourClient()
                     .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).build())) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertEquals(ProtocolVersion.TLS1_2, socket.session().version());
            assertEquals(Optional.of("ECDHE-ECDSA-AES128-GCM-SHA256"), server.awaitHandshake(0, Exchange.WAIT));
        }
    }
}
