package org.layeredtls.handshake.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.testing.OpenSsl;

/** The certificate tool issues a CA with dNSName name constraints; openssl reads them and judges leaves as we do. */
class NameConstrainedCaToolTest {

    private static final Instant NOW = Instant.now();
    private static final Pattern ERROR = Pattern.compile("error (\\d+) at");

    @TempDir
    Path dir;

    @Test
    void aConstrainedIntermediateFromOurToolBindsItsLeavesAsOpenSslVerifySays() throws Exception {
        CertificateAuthority root = CertificateAuthority.create("Tool Root", KeyAlgorithm.EC_P256, NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(30)), OpenSsl.RANDOM);
        IssuedCertificate intermediate = root.issue(CertificateSpec.builder("Tool Constrained CA")
                .validity(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(30))).ca(OptionalInt.empty())
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN)
                .permittedDnsNames("example.com").excludedDnsNames("bad.example.com").build(), KeyAlgorithm.EC_P256);
        CertificateAuthority constrained = CertificateAuthority.of(intermediate.certificate(),
                intermediate.keyPair().privateKey(), OpenSsl.RANDOM);
        root.writePem(dir);
        intermediate.writePem(dir, "constrained");
        assertTrue(intermediate.certificate().criticalExtensions().contains(NameConstraints.OID));
        String text = OpenSsl.ok(dir, "x509", "-in", "constrained.pem", "-noout", "-text");
        assertTrue(text.contains("X509v3 Name Constraints: critical"), text);

        for (var leaf : List.of(List.of("www.example.com", "0"), List.of("www.example.org", "47"),
                List.of("x.bad.example.com", "48"))) {
            IssuedCertificate issued = constrained.issueServer(leaf.get(0), List.of(leaf.get(0)), List.of(),
                    KeyAlgorithm.EC_P256, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(10)));
            issued.writePem(dir, "leaf");
            OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-CAfile", "ca.pem", "-untrusted", "constrained.pem", "leaf.pem");
            Matcher m = ERROR.matcher(verify.output());
            int theirs = verify.exitCode() == 0 ? 0 : m.find() ? Integer.parseInt(m.group(1)) : -1;
            assertEquals(Integer.parseInt(leaf.get(1)), theirs, verify.output());
            int ours;
            try {
                new CertificateValidator(List.of(root.certificate().certificate()))
                        .validate(List.of(issued.certificate(), intermediate.certificate()), Purpose.SERVER_AUTH);
                ours = 0;
            } catch (CertificateRejectedException e) {
                ours = e.error().code();
            }
            assertEquals(theirs, ours, leaf.get(0));
            Files.delete(dir.resolve("leaf.pem"));
            Files.delete(dir.resolve("leaf.key"));
        }
    }
}
