package org.layeredtls.jsse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.layeredtls.handshake.interop.OpenSslServer;
import org.layeredtls.handshake.interop.TestPki;

/**
 * The peer of the HTTP client tests: one {@code openssl s_server -www} (TLS 1.2) per test class, with the
 * test PKI its certificate comes from. Registered with {@code @RegisterExtension}, it starts before the
 * class's first test and is stopped (by its own handle) after its last.
 */
final class OpenSslWww implements BeforeAllCallback, AfterAllCallback {

    private final boolean ecdsa;
    private Path directory;
    private TestPki pki;
    private OpenSslServer server;

    private OpenSslWww(boolean ecdsa) {
        this.ecdsa = ecdsa;
    }

    /** s_server with the PKI's RSA server certificate. */
    static OpenSslWww rsa() {
        return new OpenSslWww(false);
    }

    /** s_server with the PKI's ECDSA server certificate. */
    static OpenSslWww ecdsa() {
        return new OpenSslWww(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("openssl-www");
        pki = TestPki.create(directory);
        TestPki.Identity server = ecdsa ? pki.serverEcdsa() : pki.serverRsa();
        this.server = OpenSslServer.builder().cert(server.certificate()).key(server.key()).tls1_2().www().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    TestPki pki() {
        return pki;
    }

    int port() {
        return server.port();
    }

    /** The page s_server -www serves. */
    String url() {
        return "https://localhost:" + server.port() + "/";
    }
}
