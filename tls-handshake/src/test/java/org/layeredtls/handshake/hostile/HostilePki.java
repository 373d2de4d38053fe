package org.layeredtls.handshake.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * The hostile suite's PKI, made once with the project's certificate tool: a CA and RSA and ECDSA server
 * certificates for localhost and 127.0.0.1, in memory for {@link LibraryServer} and as PEM files for the
 * server process and OpenSSL.
 */
final class HostilePki {

    private static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));
    private static final Instant NOT_AFTER = Instant.now().plus(Duration.ofDays(30));
    private static final RandomSource RANDOM = DeterministicRandomSource.fromLabel("hostile suite pki");

    static final CertificateAuthority CA = CertificateAuthority.create("LayeredTLS Hostile Suite CA",
            KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER, RANDOM);
    static final IssuedCertificate SERVER_RSA = CA.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
            KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER);
    static final IssuedCertificate SERVER_EC = CA.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
            KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER);
    /** ca.pem, server.pem/server.key (RSA), server-ec.pem/server-ec.key. */
    static final Path DIR = writeFiles();

    private HostilePki() {
    }

    private static Path writeFiles() {
        try {
            Path dir = Files.createTempDirectory("layeredtls-hostile");
            CA.writePem(dir);
            SERVER_RSA.writePem(dir, "server");
            SERVER_EC.writePem(dir, "server-ec");
            for (Path p : Files.list(dir).toList()) {
                p.toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String name) {
        return DIR.resolve(name);
    }

    /**
     * A server with both certificates and the library's defaults but for the version: TLS 1.2 only, which the
     * hostile tests were written for (their floods, renegotiations and 1.2 alerts).
     */
    static TlsConfig.Builder server() {
        return TlsConfig.builder()
                .certificate(List.of(SERVER_RSA.certificate()), SERVER_RSA.keyPair().privateKey())
                .certificate(List.of(SERVER_EC.certificate()), SERVER_EC.keyPair().privateKey())
                .maxVersion(ProtocolVersion.TLS1_2);
    }

    /** A client that trusts the CA and checks the name localhost, speaking TLS 1.2 only (as {@link #server()}). */
    static TlsConfig.Builder client() {
        return TlsConfig.builder().serverName("localhost").trustAnchors(List.of(CA.certificate().certificate()))
                .maxVersion(ProtocolVersion.TLS1_2);
    }
}
