package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.3 against the JDK's own (SunJSSE, in a forked JVM: {@link JsseProcess}) in both directions, each of the
 * three AEAD suites: handshake, 1 MiB echoed, close_notify.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class Tls13JsseInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void ourClientAgainstTheJdkServer(CipherSuite suite) throws Exception {
        try (JsseProcess server = JsseProcess.server(directory, "TLSv1.3", suite.ianaName(), pki.serverRsa(), null, "none")) {
            TlsConfig config = TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).tls13CipherSuites(suite)
                    .trustAnchors(pki.trustAnchors()).serverName("localhost").build();
            byte[] data = DataTransfer.randomBytes(DataTransfer.ONE_MIB);
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
                Exchange.bound(socket);
                assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
                assertEquals(suite, socket.session().cipherSuite());
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
            assertTrue(server.awaitLine("ECHOED " + data.length + "\\nCLOSED\\n", 0, JsseProcess.WAIT).isPresent(),
                    server::diagnostics);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void theJdkClientAgainstOurServer(CipherSuite suite) throws Exception {
        TlsConfig config = TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3).tls13CipherSuites(suite)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey()).build();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config);
             JsseProcess client = JsseProcess.client(directory, server.getLocalPort(), "TLSv1.3", suite.ianaName(),
                     pki.ca().certificate(), null, DataTransfer.ONE_MIB);
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            assertEquals(ProtocolVersion.TLS1_3, socket.session().version());
            assertEquals(suite, socket.session().cipherSuite());
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) >= 0) { // echo until the JDK client's close_notify
                out.write(buffer, 0, n);
                out.flush();
            }
            assertTrue(client.awaitLine("ECHO OK " + DataTransfer.ONE_MIB + "\\n", 0, JsseProcess.WAIT).isPresent(),
                    client::diagnostics);
            // RFC 8446 §6.1: the client's close_notify closed its direction only; ours closes the other
            socket.close();
            assertEquals(Optional.of(0), client.awaitExit(JsseProcess.WAIT), client::diagnostics);
        }
    }
}
