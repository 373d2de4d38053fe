package org.layeredtls.handshake.seclevel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateRejectedException;
import org.layeredtls.handshake.cert.CertificateValidator;
import org.layeredtls.handshake.cert.Purpose;
import org.layeredtls.handshake.policy.SecurityLevel;

/**
 * Weak certificates made with {@code openssl req/x509}: at each security level our validator gives
 * the verdict {@code openssl verify -auth_level N} gives for the same files (66 EE key too small,
 * 67 CA key too small, 68 CA signature digest too weak, 0 OK), and the alert OpenSSL's client sends.
 */
@Timeout(120)
class CertificateSecurityLevelTest {

    static OpenSslPki pki;

    @BeforeAll
    static void makeCertificates() {
        pki = OpenSslPki.inTemporaryDirectory("seclevel");
        pki.rsaKey("ca", 2048);
        pki.selfSignedCa("ca", "/CN=Level Test CA", "sha256");
        pki.rsaKey("leaf", 2048);
        pki.rsaKey("small", 1024);
        String leaf = "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE";
        String ca = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash";
        pki.issue("leaf-sha256", "leaf", "/CN=localhost", "ca", "sha256", leaf);
        pki.issue("leaf-sha1", "leaf", "/CN=localhost", "ca", "sha1", leaf);
        pki.issue("leaf-rsa1024", "small", "/CN=localhost", "ca", "sha256", leaf);
        pki.rsaKey("ca1024", 1024);
        pki.selfSignedCa("ca1024", "/CN=Small Root", "sha256");
        pki.issue("leaf-under-ca1024", "leaf", "/CN=localhost", "ca1024", "sha256", leaf);
        pki.rsaKey("sha1ca", 2048);
        pki.selfSignedCa("sha1ca", "/CN=SHA-1 Root", "sha1");
        pki.issue("leaf-under-sha1ca", "leaf", "/CN=localhost", "sha1ca", "sha256", leaf);
        pki.rsaKey("int1024", 1024); // an issuer's key is the file named after it
        pki.issue("int1024", "int1024", "/CN=Small Intermediate", "ca", "sha256", ca);
        pki.issue("leaf-under-int1024", "leaf", "/CN=localhost", "int1024", "sha256", leaf);
        pki.rsaKey("int-sha1", 2048);
        pki.issue("int-sha1", "int-sha1", "/CN=SHA-1 Intermediate", "ca", "sha1", ca);
        pki.issue("leaf-under-int-sha1", "leaf", "/CN=localhost", "int-sha1", "sha256", leaf);
    }

    /** 0 for accepted, else the verify error our validator names. */
    private static int ourVerdict(int level, String anchor, String intermediate, String leaf) {
        List<Certificate> chain = new ArrayList<>(List.of(pki.certificate(leaf)));
        if (intermediate != null) {
            chain.add(pki.certificate(intermediate));
        }
        CertificateValidator validator = new CertificateValidator(List.of(pki.certificate(anchor)), Clock.systemUTC(),
                SecurityLevel.of(level));
        try {
            validator.validate(chain, Purpose.SERVER_AUTH);
            return 0;
        } catch (CertificateRejectedException e) {
            if (e.error().code() >= 66) {
                assertEquals(AlertDescription.BAD_CERTIFICATE, e.description(), "OpenSSL's alert for 66, 67, 68");
            }
            return e.error().code();
        } catch (TlsAlertException e) {
            throw new AssertionError("refused without a verify error", e);
        }
    }

    @ParameterizedTest(name = "{1} under {0} (via {2}) at level {3}")
    @CsvSource(nullValues = "-", value = {
            "ca, leaf-sha256, -, 0", "ca, leaf-sha256, -, 1", "ca, leaf-sha256, -, 2", "ca, leaf-sha256, -, 3",
            "ca, leaf-sha1, -, 0", "ca, leaf-sha1, -, 1", "ca, leaf-sha1, -, 2",
            "ca, leaf-rsa1024, -, 0", "ca, leaf-rsa1024, -, 1", "ca, leaf-rsa1024, -, 2",
            "ca1024, leaf-under-ca1024, -, 1", "ca1024, leaf-under-ca1024, -, 2",
            "sha1ca, leaf-under-sha1ca, -, 1", "sha1ca, leaf-under-sha1ca, -, 2",
            "ca, leaf-under-int1024, int1024, 1", "ca, leaf-under-int1024, int1024, 2",
            "ca, leaf-under-int-sha1, int-sha1, 0", "ca, leaf-under-int-sha1, int-sha1, 1",
            "ca, leaf-under-int-sha1, int-sha1, 2"})
    void ourVerdictIsOpenSslVerifysAtTheSameLevel(String anchor, String leaf, String intermediate, int level) {
        assertEquals(pki.verify(level, anchor, intermediate, leaf), ourVerdict(level, anchor, intermediate, leaf));
    }

    @ParameterizedTest(name = "{1} at level {2}: {3}")
    @CsvSource({"ca, leaf-sha1, 2, 68", "ca, leaf-sha1, 0, 0", "ca, leaf-rsa1024, 2, 66", "ca, leaf-rsa1024, 1, 0",
            "ca1024, leaf-under-ca1024, 2, 67", "sha1ca, leaf-under-sha1ca, 2, 0", "ca, leaf-sha256, 3, 66"})
    void theIssueSaysSha1LeavesAreRefusedWith68AndRsa1024With66AtLevelTwo(String anchor, String leaf, int level, int code) {
        assertEquals(code, ourVerdict(level, anchor, null, leaf));
    }
}
