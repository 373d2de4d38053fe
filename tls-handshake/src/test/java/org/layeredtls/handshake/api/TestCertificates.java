package org.layeredtls.handshake.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/** One small PKI for the engine's own tests, made with the project's certificate tool (made once, shared). */
final class TestCertificates {

    static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));
    static final Instant NOT_AFTER = Instant.now().plus(Duration.ofDays(30));
    private static final RandomSource RANDOM = DeterministicRandomSource.fromLabel("engine test pki");

    static final CertificateAuthority CA = CertificateAuthority.create("LayeredTLS Test CA", KeyAlgorithm.RSA_2048,
            NOT_BEFORE, NOT_AFTER, RANDOM);
    static final CertificateAuthority OTHER_CA = CertificateAuthority.create("Somebody Else's CA", KeyAlgorithm.EC_P256,
            NOT_BEFORE, NOT_AFTER, RANDOM);
    static final IssuedCertificate SERVER_RSA = CA.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
            KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER);
    static final IssuedCertificate SERVER_EC = CA.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
            KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER);
    static final IssuedCertificate CLIENT_RSA = CA.issueClient("cpe-rsa-0001", KeyAlgorithm.RSA_2048, NOT_BEFORE, NOT_AFTER);
    static final IssuedCertificate CLIENT_EC = CA.issueClient("cpe-ec-0002", KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER);
    static final IssuedCertificate CLIENT_OTHER_CA = OTHER_CA.issueClient("intruder", KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER);

    private TestCertificates() {
    }

    /** A server with the RSA and the EC certificate, trusting the CA, speaking TLS 1.2 only: the tests written when it was the default mean it. */
    static TlsConfig.Builder server() {
        return TlsConfig.builder()
                .certificate(List.of(SERVER_RSA.certificate()), SERVER_RSA.keyPair().privateKey())
                .certificate(List.of(SERVER_EC.certificate()), SERVER_EC.keyPair().privateKey())
                .trustAnchors(List.of(CA.certificate().certificate()))
                .maxVersion(ProtocolVersion.TLS1_2);
    }

    /** A client trusting the CA, checking the name localhost, speaking TLS 1.2 only (as {@link #server()}). */
    static TlsConfig.Builder client() {
        return TlsConfig.builder().serverName("localhost").trustAnchors(List.of(CA.certificate().certificate()))
                .maxVersion(ProtocolVersion.TLS1_2);
    }

    static TlsConfig.Builder withClientCertificate(TlsConfig.Builder builder, IssuedCertificate certificate) {
        return builder.certificate(List.of(certificate.certificate()), certificate.keyPair().privateKey());
    }
}
