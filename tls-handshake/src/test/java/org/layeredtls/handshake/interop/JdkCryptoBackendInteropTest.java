package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * The JDK crypto backend against OpenSSL, both ways: our client on {@link CryptoBackend#JDK} against
 * {@code openssl s_server}, and {@code openssl s_client} against our server on it; handshake (PRF,
 * transcript and Finished on the JDK's HMAC and hashes), 1 MiB each way, close_notify. One cell per
 * record-protection family: AES-128/256-GCM, ChaCha20-Poly1305, AES-CBC with SHA-1, SHA-256 and
 * SHA-384 MACs, encrypt-then-MAC and MAC-then-encrypt, the explicit IV of TLS 1.1/1.2 and the
 * chained IV of TLS 1.0. The whole matrix runs on the default backend in
 * {@link OpenSslServerInteropTest} and {@link OpenSslClientInteropTest}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class JdkCryptoBackendInteropTest {

    /** One cell: a version, a suite, and whether encrypt-then-MAC is offered (CBC only). */
    record Cell(ProtocolVersion version, CipherSuite suite, boolean encryptThenMac) {
        InteropMatrix.Cell matrixCell() {
            return new InteropMatrix.Cell(version, suite);
        }

        String name() {
            return matrixCell().name() + (suite.ianaName().contains("CBC") ? (encryptThenMac ? " EtM" : " MtE") : "");
        }
    }

    static final List<Cell> CELLS = List.of(
            new Cell(ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, true),
            new Cell(ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, true),
            new Cell(ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, true),
            new Cell(ProtocolVersion.TLS1_2, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256, true),
            new Cell(ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, false),
            new Cell(ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, false),
            new Cell(ProtocolVersion.TLS1_1, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, true),
            new Cell(ProtocolVersion.TLS1_0, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, false));

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static final Map<ProtocolVersion, OpenSslServer> S_SERVERS = new HashMap<>();
    private static final Map<ProtocolVersion, TlsServerSocket> OUR_SERVERS = new HashMap<>();

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @AfterAll
    static void stopServers() throws Exception {
        S_SERVERS.values().forEach(OpenSslServer::close);
        S_SERVERS.clear();
        for (TlsServerSocket server : OUR_SERVERS.values()) {
            server.close();
        }
        OUR_SERVERS.clear();
    }

    private static synchronized OpenSslServer sServer(ProtocolVersion version) throws Exception {
        OpenSslServer server = S_SERVERS.get(version);
        if (server == null) {
            server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                    .dcert(pki.serverEcdsa().certificate(), pki.serverEcdsa().key())
                    .version(version.displayName()).cipher(InteropMatrix.openSslCipherList(version)).secLevel0()
                    .directory(directory).start();
            S_SERVERS.put(version, server);
        }
        return server;
    }

    /** Our server on the JDK backend; it takes encrypt-then-MAC when the client offers it. */
    private static synchronized TlsServerSocket ourServer(ProtocolVersion version) throws Exception {
        TlsServerSocket server = OUR_SERVERS.get(version);
        if (server == null) {
            server = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                    InteropMatrix.serverConfig(pki, version).cryptoBackend(CryptoBackend.JDK).build());
            OUR_SERVERS.put(version, server);
        }
        return server;
    }

    @TestFactory
    Stream<DynamicTest> ourClientOnTheJdkBackendAgainstSServer() {
        return CELLS.stream().map(cell -> DynamicTest.dynamicTest(
                cell.name() + ": handshake, 1 MiB each way, close_notify", () -> clientCell(cell)));
    }

    @TestFactory
    Stream<DynamicTest> sClientAgainstOurServerOnTheJdkBackend() {
        return CELLS.stream().map(cell -> DynamicTest.dynamicTest(
                cell.name() + ": handshake, 1 MiB each way, close_notify", () -> serverCell(cell)));
    }

    private static void clientCell(Cell cell) throws Exception {
        OpenSslServer server = sServer(cell.version());
        int mark = server.stdoutSize();
        var config = InteropMatrix.clientConfig(pki, cell.matrixCell()).encryptThenMac(cell.encryptThenMac())
                .cryptoBackend(CryptoBackend.JDK).build();
        assertEquals(CryptoBackend.JDK, config.cryptoBackend());
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
            Exchange.bound(socket);
            socket.startHandshake();
            SessionInfo session = socket.session();
            assertEquals(cell.version(), session.version());
            assertEquals(cell.suite(), session.cipherSuite());
            assertEquals(Optional.of(cell.suite().openSslName()), server.awaitHandshake(mark, Exchange.WAIT),
                    server::diagnostics);
            Exchange.bothWays(socket, server, DataTransfer.ONE_MIB);
        }
        assertTrue(server.awaitCleanClose(mark, Exchange.WAIT), server::diagnostics);
    }

    private static void serverCell(Cell cell) throws Exception {
        TlsServerSocket server = ourServer(cell.version());
        OpenSslClient.Builder builder = OpenSslClient.builder(server.getLocalPort()).version(cell.version().displayName())
                .cipher(cell.suite().openSslName()).caFile(pki.ca().certificate()).verifyReturnError()
                .servername("localhost").directory(directory);
        if (cell.matrixCell().needsSecLevel0()) {
            builder.secLevel0();
        }
        if (!cell.encryptThenMac()) {
            builder.noEtm();
        }
        try (OpenSslClient client = builder.start(); TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertEquals(cell.suite(), socket.session().cipherSuite());
            assertTrue(client.awaitHandshake(Exchange.WAIT), client::diagnostics);
            assertEquals(Optional.of(cell.suite().openSslName()), client.cipher());
            InputStream in = Exchange.bothWays(socket, client, DataTransfer.ONE_MIB);
            client.closeStdin();
            Exchange.assertCloseNotify(in);
            socket.close();
            assertEquals(Optional.of(0), client.awaitExit(Exchange.WAIT), client::diagnostics);
        }
    }
}
