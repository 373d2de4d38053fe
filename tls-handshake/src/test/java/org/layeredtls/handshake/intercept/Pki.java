package org.layeredtls.handshake.intercept;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;

/** A small PKI for the observability and interceptor tests, made once, with its PEM files for openssl. */
public final class Pki {

    static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));
    static final Instant NOT_AFTER = Instant.now().plus(Duration.ofDays(30));

    public static final CertificateAuthority CA = CertificateAuthority.create("LayeredTLS Observe CA", KeyAlgorithm.EC_P256,
            NOT_BEFORE, NOT_AFTER, DeterministicRandomSource.fromLabel("observe test pki"));
    public static final IssuedCertificate SERVER = CA.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
            KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER);

    /** ca.pem, server.pem, server.key in one temporary directory. */
    public static final Path DIR = writeFiles();

    private Pki() {
    }

    private static Path writeFiles() {
        try {
            Path dir = Files.createTempDirectory("layeredtls-observe");
            dir.toFile().deleteOnExit();
            CA.writePem(dir);
            SERVER.writePem(dir, "server");
            for (Path p : Files.list(dir).toList()) {
                p.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path caPem() {
        return DIR.resolve("ca.pem");
    }

    public static Path serverPem() {
        return DIR.resolve("server.pem");
    }

    public static Path serverKey() {
        return DIR.resolve("server.key");
    }

    public static TlsConfig.Builder server() {
        return TlsConfig.builder().certificate(List.of(SERVER.certificate()), SERVER.keyPair().privateKey())
                .trustAnchors(List.of(CA.certificate().certificate()));
    }

    public static TlsConfig.Builder client() {
        return TlsConfig.builder().serverName("localhost").trustAnchors(List.of(CA.certificate().certificate()));
    }
}
