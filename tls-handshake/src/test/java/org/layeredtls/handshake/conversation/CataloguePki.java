package org.layeredtls.handshake.conversation;

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
import org.layeredtls.record.ProtocolVersion;

/** The catalogue's PKI, made once with the project's certificate tool: a CA and an RSA server certificate, in memory and as PEM files. */
final class CataloguePki {

    private static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));
    private static final Instant NOT_AFTER = Instant.now().plus(Duration.ofDays(30));

    static final CertificateAuthority CA = CertificateAuthority.create("LayeredTLS Probe Catalogue CA",
            KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER, DeterministicRandomSource.fromLabel("probe catalogue pki"));
    static final IssuedCertificate SERVER = CA.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
            KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER);
    /** ca.pem, server.pem, server.key. */
    static final Path DIR = writeFiles();

    private CataloguePki() {
    }

    private static Path writeFiles() {
        try {
            Path dir = Files.createTempDirectory("layeredtls-probes");
            CA.writePem(dir);
            SERVER.writePem(dir, "server");
            for (Path p : Files.list(dir).toList()) {
                p.toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String file(String name) {
        return DIR.resolve(name).toString();
    }

    /** Our server: the RSA certificate and the library's defaults but for the version: TLS 1.2 only, as the catalogue's OpenSSL. */
    static TlsConfig.Builder server() {
        return TlsConfig.builder().certificate(List.of(SERVER.certificate()), SERVER.keyPair().privateKey())
                .maxVersion(ProtocolVersion.TLS1_2);
    }

    /** Our client: trusts the CA, checks the name localhost, speaks TLS 1.2 only. */
    static TlsConfig.Builder client() {
        return TlsConfig.builder().serverName("localhost").trustAnchors(List.of(CA.certificate().certificate()))
                .maxVersion(ProtocolVersion.TLS1_2);
    }
}
