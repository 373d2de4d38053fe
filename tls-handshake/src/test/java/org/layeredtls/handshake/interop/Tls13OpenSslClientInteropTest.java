package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * {@code openssl s_client -tls1_3} against our TLS 1.3 server: the three AEAD suites, the groups x25519,
 * P-256 and P-384 (a HelloRetryRequest when s_client's first key share is in a group our server does not
 * take), RSA and ECDSA certificates; each cell a handshake, data both ways and s_client's close_notify.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class Tls13OpenSslClientInteropTest {

    @TempDir
    static Path directory;

    /** s_client's summary after a TLS 1.3 handshake: the suite, then the verify return code. */
    static final Pattern TLS13_SUMMARY = Pattern.compile(
            "New, TLSv1\\.3, Cipher is (\\S+)\\r?\\n[\\s\\S]*?Verify return code: (\\d+) ");

    private static TestPki pki;
    private static TlsServerSocket rsaServer;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.create(directory);
        rsaServer = new TlsServerSocket(OpenSslClientInteropTest.listener(), serverConfig(pki.serverRsa()).build());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (rsaServer != null) {
            rsaServer.close();
        }
    }

    private static TlsConfig.Builder serverConfig(TestPki.Identity identity) throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3)
                .tls13CipherSuites(List.of(CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256))
                .ticketProtector(TicketProtector.withDefaults()) // s_client prints its session when a ticket arrives
                .certificate(identity.chain(), identity.privateKey());
    }

    /** s_client with {@code options}, then handshake, {@code size} bytes each way, s_client's close_notify. */
    private static SessionInfo runCell(TlsServerSocket server, int size, String... options) throws Exception {
        OpenSslClient.Builder builder = OpenSslClient.builder(server.getLocalPort()).option("-tls1_3")
                .caFile(pki.ca().certificate()).verifyReturnError().servername("localhost").directory(directory);
        builder.option(options);
        SessionInfo session;
        try (OpenSslClient client = builder.start(); TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            session = socket.session();
            assertEquals(ProtocolVersion.TLS1_3, session.version());
            // s_client prints a TLS 1.3 session when a ticket arrives, without flushing: wait for its summary instead
            Optional<PeerProcess.Match> summary = client.awaitStdout(TLS13_SUMMARY, 0, Exchange.WAIT);
            assertTrue(summary.isPresent(), client::diagnostics);
            assertEquals(session.cipherSuite().openSslName(), summary.get().group(1));
            assertEquals("0", summary.get().group(2), "s_client's verify return code");
            InputStream in = Exchange.bothWays(socket, client, size);
            client.closeStdin(); // s_client sends close_notify and exits
            Exchange.assertCloseNotify(in);
            socket.close();
            assertEquals(Optional.of(0), client.awaitExit(Exchange.WAIT), client::diagnostics);
        }
        return session;
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void sClientGetsEachAeadSuiteAndOneMebibyteEachWay(CipherSuite suite) throws Exception {
        SessionInfo session = runCell(rsaServer, DataTransfer.ONE_MIB, "-ciphersuites", suite.openSslName());
        assertEquals(suite, session.cipherSuite());
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"})
    void sClientGetsEachCcmSuiteWhenItNamesIt(CipherSuite suite) throws Exception {
        assertEquals(suite, runCell(rsaServer, 65536, "-ciphersuites", suite.openSslName()).cipherSuite());
    }

    @ParameterizedTest
    @CsvSource({"X25519", "P-256", "P-384"})
    void sClientKeySharesInEachGroupAreTaken(String group) throws Exception {
        runCell(rsaServer, 4096, "-groups", group);
    }

    @Test
    void askingForAnotherGroupWithAHelloRetryRequest() throws Exception {
        // s_client sends a key share for its first group only (x25519); our server takes P-256 only
        try (TlsServerSocket p256Only = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                serverConfig(pki.serverRsa()).namedGroups(NamedGroup.SECP256R1).build())) {
            runCell(p256Only, 4096, "-groups", "X25519:P-256");
        }
    }

    @Test
    void signsWithAnEcdsaCertificate() throws Exception {
        try (TlsServerSocket ecdsa = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                serverConfig(pki.serverEcdsa()).build())) {
            runCell(ecdsa, 4096);
        }
    }
}
