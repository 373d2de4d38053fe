package org.layeredtls.cwmp.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/** A small PKI for the transport tests, made once with the project's certificate tool. */
public final class TestPki {

    public static final String DEVICE = "00D09E-IGD-SN0001";
    static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));
    static final Instant NOT_AFTER = Instant.now().plus(Duration.ofDays(30));
    private static final RandomSource RANDOM = DeterministicRandomSource.fromLabel("cwmp transport test pki");

    public static final CertificateAuthority CA = CertificateAuthority.create("CWMP Test CA", KeyAlgorithm.EC_P256,
            NOT_BEFORE, NOT_AFTER, RANDOM);
    static final CertificateAuthority OTHER_CA = CertificateAuthority.create("Somebody Else's CA", KeyAlgorithm.EC_P256,
            NOT_BEFORE, NOT_AFTER, RANDOM);
    public static final IssuedCertificate ACS = CA.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
            KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER);
    static final IssuedCertificate ACS_ELSEWHERE = CA.issueServer("acs.example.net", List.of("acs.example.net"), List.of(),
            KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER);
    public static final IssuedCertificate CPE = CA.issueClient(DEVICE, KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER);
    static final IssuedCertificate INTRUDER = OTHER_CA.issueClient(DEVICE, KeyAlgorithm.EC_P256, NOT_BEFORE, NOT_AFTER);

    private TestPki() {
    }

    public static TlsConfig acsTls(ClientAuth clientAuth) {
        return acsTls(ACS, clientAuth);
    }

    /** The ACS's configuration: TLS 1.2 only, which the tests that use it were written for (a test of 1.3 sets its versions). */
    static TlsConfig acsTls(IssuedCertificate certificate, ClientAuth clientAuth) {
        return TlsConfig.builder().certificate(List.of(certificate.certificate()), certificate.keyPair().privateKey())
                .trustAnchors(List.of(CA.certificate().certificate())).clientAuth(clientAuth)
                .maxVersion(ProtocolVersion.TLS1_2).build();
    }

    public static TlsConfig cpeTls(IssuedCertificate certificate) {
        TlsConfig.Builder builder = TlsConfig.builder().trustAnchors(List.of(CA.certificate().certificate()))
                .maxVersion(ProtocolVersion.TLS1_2); // as acsTls
        if (certificate != null) {
            builder.certificate(List.of(certificate.certificate()), certificate.keyPair().privateKey());
        }
        return builder.build();
    }
}
