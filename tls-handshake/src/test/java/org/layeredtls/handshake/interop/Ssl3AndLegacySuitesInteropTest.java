package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * SSL 3.0, and the suites OpenSSL here lacks (RC4, 3DES), against SunJSSE in a forked JVM ({@link JsseProcess}),
 * both directions: handshake, 1 MiB echoed, close_notify.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class Ssl3AndLegacySuitesInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    /** JSSE's name: the SSL_ prefix for the suites SSL 3.0 defined. */
    private static String jsseName(CipherSuite suite) {
        return switch (suite) {
            case TLS_RSA_WITH_RC4_128_MD5 -> "SSL_RSA_WITH_RC4_128_MD5";
            case TLS_RSA_WITH_RC4_128_SHA -> "SSL_RSA_WITH_RC4_128_SHA";
            case TLS_RSA_WITH_3DES_EDE_CBC_SHA -> "SSL_RSA_WITH_3DES_EDE_CBC_SHA";
            default -> suite.ianaName();
        };
    }

    private record Cell(ProtocolVersion version, CipherSuite suite) {
        String name() {
            return version.displayName() + " " + suite.ianaName();
        }
    }

    private static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (CipherSuite suite : List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
                CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_RSA_WITH_RC4_128_MD5,
                CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA)) {
            cells.add(new Cell(ProtocolVersion.SSL3_0, suite));
        }
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_2)) {
            for (CipherSuite suite : List.of(CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA)) {
                cells.add(new Cell(version, suite));
            }
        }
        return cells;
    }

    @TestFactory
    Stream<DynamicTest> ourClientAgainstJsseServer() {
        return cells().stream().map(cell -> DynamicTest.dynamicTest(
                "our client -> JSSE server, " + cell.name() + ": 1 MiB echoed", () -> clientCell(cell)));
    }

    @TestFactory
    Stream<DynamicTest> jsseClientAgainstOurServer() {
        return cells().stream().map(cell -> DynamicTest.dynamicTest(
                "JSSE client -> our server, " + cell.name() + ": 1 MiB echoed", () -> serverCell(cell)));
    }

    private static void clientCell(Cell cell) throws Exception {
        try (JsseProcess server = JsseProcess.server(directory, cell.version().displayName(), jsseName(cell.suite()),
                pki.serverRsa(), null, "none")) {
            // SSL 3.0, RC4 and the MD5+SHA-1 signatures need security level 0
            TlsConfig config = TlsConfig.builder().versions(cell.version(), cell.version()).cipherSuites(cell.suite())
                    .securityLevel(0).trustAnchors(pki.trustAnchors()).serverName("localhost").build();
            byte[] data = DataTransfer.randomBytes(DataTransfer.ONE_MIB);
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
                Exchange.bound(socket);
                socket.startHandshake();
                assertEquals(cell.version(), socket.session().version());
                assertEquals(cell.suite(), socket.session().cipherSuite());
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(data);
                        out.flush();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                byte[] echoed = socket.getInputStream().readNBytes(data.length);
                writer.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS);
                assertArrayEquals(data, echoed);
            }
            // the JSSE server saw our close_notify as the end of the stream and echoed everything
            assertTrue(server.awaitLine("ECHOED " + data.length + "\\nCLOSED\\n", 0, JsseProcess.WAIT).isPresent(),
                    server::diagnostics);
        }
    }

    private static void serverCell(Cell cell) throws Exception {
        TlsConfig config = TlsConfig.builder().versions(cell.version(), cell.version()).cipherSuites(cell.suite())
                .securityLevel(0).certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey()).build();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config);
             JsseProcess client = JsseProcess.client(directory, server.getLocalPort(), cell.version().displayName(),
                     jsseName(cell.suite()), pki.ca().certificate(), null, DataTransfer.ONE_MIB);
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertEquals(cell.version(), socket.session().version());
            assertEquals(cell.suite(), socket.session().cipherSuite());
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) >= 0) {   // echo until the JSSE client's close_notify
                out.write(buffer, 0, n);
                out.flush();
            }
            assertTrue(client.awaitLine("ECHO OK " + DataTransfer.ONE_MIB + "\\n", 0, JsseProcess.WAIT).isPresent(),
                    client::diagnostics);
            assertEquals(java.util.Optional.of(0), client.awaitExit(JsseProcess.WAIT), client::diagnostics);
        }
    }
}
