package org.layeredtls.handshake.research;

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

/**
 * A small ready-made PKI for experiments, made once per JVM: an EC P-256 CA ({@link #CA}) and an RSA 2048
 * {@code localhost} server certificate ({@link #SERVER}), their PEM files in a temporary directory for
 * {@code openssl} ({@link #caPem()}, {@link #serverPem()}, {@link #serverKey()}), and {@link TlsConfig}
 * builders for a server that presents it ({@link #server()}) and a client that trusts it ({@link #client()}).
 * Built on the main-code {@link CertificateAuthority}; issue more certificates with {@code Pki.CA.issueServer/issueClient}.
 */
public final class Pki {

    /** The certificates' validity: from a day before the class was loaded to 30 days after. */
    public static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));
    public static final Instant NOT_AFTER = Instant.now().plus(Duration.ofDays(30));

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

    /** The CA certificate, PEM (for {@code -CAfile}). */
    public static Path caPem() {
        return DIR.resolve("ca.pem");
    }

    /** The server certificate, PEM (for {@code -cert}). */
    public static Path serverPem() {
        return DIR.resolve("server.pem");
    }

    /** The server's private key, PEM (for {@code -key}). */
    public static Path serverKey() {
        return DIR.resolve("server.key");
    }

    /** A server configuration presenting {@link #SERVER}, trusting {@link #CA} (for client certificates). */
    public static TlsConfig.Builder server() {
        return TlsConfig.builder().certificate(List.of(SERVER.certificate()), SERVER.keyPair().privateKey())
                .trustAnchors(List.of(CA.certificate().certificate()));
    }

    /** A client configuration trusting {@link #CA}, with SNI {@code localhost}. */
    public static TlsConfig.Builder client() {
        return TlsConfig.builder().serverName("localhost").trustAnchors(List.of(CA.certificate().certificate()));
    }
}
