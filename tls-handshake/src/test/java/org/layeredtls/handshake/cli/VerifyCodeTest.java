package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.KeyAlgorithm;

/** The Verify return code our client prints without -CAfile, for each chain shape OpenSSL names. */
class VerifyCodeTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofDays(10));
    private static final Instant TO = NOW.plus(Duration.ofDays(10));
    private static final CertificateAuthority ROOT = CertificateAuthority.create("Root", KeyAlgorithm.EC_P256, FROM, TO,
            DeterministicRandomSource.fromLabel("verify code test"));
    private static final CertificateAuthority INTERMEDIATE = ROOT.issueIntermediate("Intermediate", KeyAlgorithm.EC_P256, FROM, TO,
            OptionalInt.empty());
    private static final Certificate LEAF = ROOT.issueServer("localhost", List.of("localhost"), List.of(), KeyAlgorithm.EC_P256,
            FROM, TO).certificate();
    private static final Certificate LEAF_UNDER_INTERMEDIATE = INTERMEDIATE.issueServer("localhost", List.of("localhost"),
            List.of(), KeyAlgorithm.EC_P256, FROM, TO).certificate();
    private static final Certificate ROOT_CERT = ROOT.certificate().certificate();

    private static String code(List<Certificate> chain, String name, Instant at) {
        return VerifyCode.untrusted(chain, name, at).toString();
    }

    @Test
    void aLoneLeafWhoseIssuerIsMissingCannotHaveItsSignatureChecked() {
        assertEquals("21 (unable to verify the first certificate)", code(List.of(LEAF), "localhost", NOW));
    }

    @Test
    void aChainEndingInASelfSignedRootIsSelfSignedInChain() {
        assertEquals("19 (self-signed certificate in certificate chain)", code(List.of(LEAF, ROOT_CERT), "localhost", NOW));
    }

    @Test
    void aSelfSignedLeafIsSelfSigned() {
        assertEquals("18 (self-signed certificate)", code(List.of(ROOT_CERT), null, NOW));
    }

    @Test
    void aChainEndingInAnIntermediateWithoutItsIssuerIsUnableToGetLocalIssuer() {
        assertEquals("20 (unable to get local issuer certificate)",
                code(List.of(LEAF_UNDER_INTERMEDIATE, INTERMEDIATE.certificate().certificate()), "localhost", NOW));
    }

    @Test
    void aNameTheLeafDoesNotCarryIsHostnameMismatch() {
        assertEquals("62 (hostname mismatch)", code(List.of(LEAF, ROOT_CERT), "example.org", NOW));
    }

    @Test
    void validityIsCheckedLastSoAnExpiredOrFutureCertificateWins() {
        assertEquals("10 (certificate has expired)", code(List.of(LEAF), "localhost", TO.plusSeconds(1)));
        assertEquals("9 (certificate is not yet valid)", code(List.of(LEAF, ROOT_CERT), "localhost", FROM.minusSeconds(1)));
    }
}
