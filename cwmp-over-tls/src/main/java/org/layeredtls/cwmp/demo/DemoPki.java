package org.layeredtls.cwmp.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;

/**
 * The demo's certificates, made with the project's certificate tool and written as PEM files:
 * a CA, the ACS's server certificate (SAN localhost and 127.0.0.1), the CPE's client certificate
 * whose CN is its device identity, and an intruder's certificate from another CA.
 */
record DemoPki(CertificateAuthority ca, IssuedCertificate acsRsa, IssuedCertificate acsEc, IssuedCertificate cpe,
               IssuedCertificate intruder, Path directory) {

    static DemoPki create(Path directory, String deviceIdentity) throws IOException {
        var random = new SecureRandomSource();
        Instant from = Instant.now().minus(Duration.ofHours(1));
        Instant until = Instant.now().plus(Duration.ofDays(365));
        CertificateAuthority ca = CertificateAuthority.create("LayeredTLS Demo CA", KeyAlgorithm.RSA_2048, from, until, random);
        IssuedCertificate acsRsa = ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
                KeyAlgorithm.RSA_2048, from, until);
        IssuedCertificate acsEc = ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"),
                KeyAlgorithm.EC_P256, from, until);
        IssuedCertificate cpe = ca.issueClient(deviceIdentity, KeyAlgorithm.EC_P256, from, until);
        CertificateAuthority other = CertificateAuthority.create("Somebody Else's CA", KeyAlgorithm.EC_P256, from, until, random);
        IssuedCertificate intruder = other.issueClient(deviceIdentity, KeyAlgorithm.EC_P256, from, until);
        ca.writePem(directory);
        acsRsa.writePem(directory, "acs");
        acsEc.writePem(directory, "acs-ec");
        cpe.writePem(directory, "cpe");
        intruder.writePem(directory, "intruder");
        return new DemoPki(ca, acsRsa, acsEc, cpe, intruder, directory);
    }
}
