package org.layeredtls.handshake.cert;

import org.layeredtls.handshake.testing.OpenSsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;

/** Path building and every check of the validator, with the alert each failure raises. */
class CertificateValidatorTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofDays(10));
    private static final Instant UNTIL = NOW.plus(Duration.ofDays(10));

    private static CertificateAuthority root;
    private static CertificateAuthority intermediate;
    private static IssuedCertificate server;
    private static CertificateValidator validator;

    @BeforeAll
    static void pki() {
        root = CertificateAuthority.create("Root CA", KeyAlgorithm.EC_P256, FROM.minus(Duration.ofDays(100)),
                UNTIL.plus(Duration.ofDays(100)), OpenSsl.RANDOM);
        intermediate = root.issueIntermediate("Intermediate CA", KeyAlgorithm.EC_P256, FROM, UNTIL, OptionalInt.of(0));
        server = intermediate.issueServer("server.example.com", List.of("server.example.com"), List.of(),
                KeyAlgorithm.EC_P256, FROM, UNTIL);
        validator = new CertificateValidator(List.of(root.certificate().certificate()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Certificate rootCert() {
        return root.certificate().certificate();
    }

    private static Certificate intermediateCert() {
        return intermediate.certificate().certificate();
    }

    private static void assertAlert(AlertDescription expected, List<Certificate> chain, Purpose purpose) {
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> validator.validate(chain, purpose));
        assertEquals(expected, e.description(), e.getMessage());
    }

    @Test
    void buildsThePathWithTheAnchorInOrOutOfTheChain() throws Exception {
        List<Certificate> path = List.of(server.certificate(), intermediateCert(), rootCert());
        assertEquals(path, validator.validate(List.of(server.certificate(), intermediateCert()), Purpose.SERVER_AUTH));
        assertEquals(path, validator.validate(path, Purpose.SERVER_AUTH));
    }

    @Test
    void toleratesExtraAndUnorderedCertificatesInTheChain() throws Exception {
        IssuedCertificate stranger = CertificateAuthority.create("Stranger", KeyAlgorithm.EC_P256, FROM, UNTIL,
                OpenSsl.RANDOM).certificate();
        List<Certificate> chain = List.of(server.certificate(), stranger.certificate(), rootCert(), intermediateCert());
        assertEquals(List.of(server.certificate(), intermediateCert(), rootCert()),
                validator.validate(chain, Purpose.SERVER_AUTH));
    }

    @Test
    void acceptsATrustedLeafOrATrustedIntermediateDirectly() throws Exception {
        CertificateValidator direct = new CertificateValidator(List.of(server.certificate()));
        assertEquals(List.of(server.certificate()), direct.validate(List.of(server.certificate()), Purpose.SERVER_AUTH, NOW));
        CertificateValidator viaIntermediate = new CertificateValidator(List.of(intermediateCert()));
        assertEquals(List.of(server.certificate(), intermediateCert()),
                viaIntermediate.validate(List.of(server.certificate()), Purpose.SERVER_AUTH, NOW));
    }

    @Test
    void missingIntermediateIsUnknownCa() {
        assertAlert(AlertDescription.UNKNOWN_CA, List.of(server.certificate()), Purpose.SERVER_AUTH);
    }

    @Test
    void chainFromAnotherCaIsUnknownCa() {
        CertificateAuthority other = CertificateAuthority.create("Other CA", KeyAlgorithm.EC_P256, FROM, UNTIL, OpenSsl.RANDOM);
        IssuedCertificate foreign = other.issueServer("server.example.com", List.of("server.example.com"), List.of(),
                KeyAlgorithm.EC_P256, FROM, UNTIL);
        assertAlert(AlertDescription.UNKNOWN_CA, List.of(foreign.certificate(), other.certificate().certificate()),
                Purpose.SERVER_AUTH);
    }

    @Test
    void sameNamedImpostorCaIsRefused() {
        // another CA called "Intermediate CA" signed by nobody we trust: its signature cannot verify
        CertificateAuthority impostor = CertificateAuthority.create("Intermediate CA", KeyAlgorithm.EC_P256, FROM, UNTIL,
                OpenSsl.RANDOM);
        IssuedCertificate forged = impostor.issueServer("server.example.com", List.of("server.example.com"), List.of(),
                KeyAlgorithm.EC_P256, FROM, UNTIL);
        assertAlert(AlertDescription.UNKNOWN_CA, List.of(forged.certificate(), intermediateCert()), Purpose.SERVER_AUTH);
    }

    @Test
    void selfSignedUntrustedLeafIsUnknownCa() {
        Certificate selfSigned = CertificateAuthority.create("server.example.com", KeyAlgorithm.EC_P256, FROM, UNTIL,
                OpenSsl.RANDOM).certificate().certificate();
        assertAlert(AlertDescription.UNKNOWN_CA, List.of(selfSigned), Purpose.SERVER_AUTH);
    }

    @Test
    void expiredLeafIsCertificateExpired() {
        IssuedCertificate expired = intermediate.issueServer("old.example.com", List.of(), List.of(), KeyAlgorithm.EC_P256,
                FROM, NOW.minusSeconds(1));
        assertAlert(AlertDescription.CERTIFICATE_EXPIRED, List.of(expired.certificate(), intermediateCert()),
                Purpose.SERVER_AUTH);
    }

    @Test
    void notYetValidLeafIsCertificateExpired() {
        IssuedCertificate future = intermediate.issueServer("new.example.com", List.of(), List.of(), KeyAlgorithm.EC_P256,
                NOW.plusSeconds(60), UNTIL);
        assertAlert(AlertDescription.CERTIFICATE_EXPIRED, List.of(future.certificate(), intermediateCert()),
                Purpose.SERVER_AUTH);
    }

    @Test
    void expiredIntermediateIsCertificateExpired() throws Exception {
        CertificateAuthority shortLived = root.issueIntermediate("Short", KeyAlgorithm.EC_P256, FROM, NOW.minusSeconds(5),
                OptionalInt.empty());
        IssuedCertificate leaf = shortLived.issueServer("x.example.com", List.of(), List.of(), KeyAlgorithm.EC_P256, FROM, UNTIL);
        assertAlert(AlertDescription.CERTIFICATE_EXPIRED,
                List.of(leaf.certificate(), shortLived.certificate().certificate()), Purpose.SERVER_AUTH);
    }

    @Test
    void validationTimeComesFromTheInjectedClock() throws Exception {
        List<Certificate> chain = List.of(server.certificate(), intermediateCert());
        new CertificateValidator(List.of(rootCert()), Clock.fixed(UNTIL.minusSeconds(1), ZoneOffset.UTC))
                .validate(chain, Purpose.SERVER_AUTH);
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> new CertificateValidator(List.of(rootCert()),
                Clock.fixed(UNTIL.plusSeconds(1), ZoneOffset.UTC)).validate(chain, Purpose.SERVER_AUTH));
        assertEquals(AlertDescription.CERTIFICATE_EXPIRED, e.description());
    }

    @Test
    void flippedSignatureByteIsBadCertificate() throws Exception {
        byte[] der = server.certificate().encoded();
        der[der.length - 5] ^= 0x01; // inside the ECDSA signature's s
        assertAlert(AlertDescription.BAD_CERTIFICATE, List.of(Certificate.parse(der), intermediateCert()),
                Purpose.SERVER_AUTH);
    }

    @Test
    void tamperedTbsIsBadCertificate() throws Exception {
        byte[] der = server.certificate().encoded();
        String text = new String(der, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("server.example.com");
        der[at] = 'S'; // the subject CN now reads "Server.example.com": a valid DER, a broken signature
        Certificate tampered = Certificate.parse(der);
        assertEquals("CN=Server.example.com", tampered.subject());
        assertAlert(AlertDescription.BAD_CERTIFICATE, List.of(tampered, intermediateCert()), Purpose.SERVER_AUTH);
    }

    @Test
    void issuerWithoutCaTrueIsUnknownCa() {
        // a "CA" whose certificate says CA:FALSE issues a leaf; the anchor is that not-a-CA's root
        IssuedCertificate notCa = root.issue(CertificateSpec.builder("Not A CA").validity(FROM, UNTIL).endEntity()
                .build(), KeyAlgorithm.EC_P256);
        CertificateAuthority fake = CertificateAuthority.of(notCa.certificate(), notCa.keyPair().privateKey(), OpenSsl.RANDOM);
        IssuedCertificate leaf = fake.issueServer("s.example.com", List.of(), List.of(), KeyAlgorithm.EC_P256, FROM, UNTIL);
        assertAlert(AlertDescription.UNKNOWN_CA, List.of(leaf.certificate(), notCa.certificate()), Purpose.SERVER_AUTH);

        IssuedCertificate noBasicConstraints = root.issue(CertificateSpec.builder("No BC").validity(FROM, UNTIL).build(),
                KeyAlgorithm.EC_P256);
        CertificateAuthority fake2 = CertificateAuthority.of(noBasicConstraints.certificate(),
                noBasicConstraints.keyPair().privateKey(), OpenSsl.RANDOM);
        IssuedCertificate leaf2 = fake2.issueServer("s.example.com", List.of(), List.of(), KeyAlgorithm.EC_P256, FROM, UNTIL);
        assertAlert(AlertDescription.UNKNOWN_CA, List.of(leaf2.certificate(), noBasicConstraints.certificate()),
                Purpose.SERVER_AUTH);
    }

    @Test
    void issuerWithoutKeyCertSignIsUnknownCa() {
        IssuedCertificate noCertSign = root.issue(CertificateSpec.builder("CRL only").validity(FROM, UNTIL)
                .ca(OptionalInt.empty()).keyUsage(KeyUsage.CRL_SIGN).build(), KeyAlgorithm.EC_P256);
        CertificateAuthority ca = CertificateAuthority.of(noCertSign.certificate(), noCertSign.keyPair().privateKey(),
                OpenSsl.RANDOM);
        IssuedCertificate leaf = ca.issueServer("s.example.com", List.of(), List.of(), KeyAlgorithm.EC_P256, FROM, UNTIL);
        assertAlert(AlertDescription.UNKNOWN_CA, List.of(leaf.certificate(), noCertSign.certificate()), Purpose.SERVER_AUTH);
    }

    @Test
    void exceededPathLengthIsUnknownCa() {
        // intermediate has pathlen:0, so a sub-CA below it may not issue
        CertificateAuthority sub = intermediate.issueIntermediate("Sub CA", KeyAlgorithm.EC_P256, FROM, UNTIL,
                OptionalInt.empty());
        IssuedCertificate leaf = sub.issueServer("s.example.com", List.of(), List.of(), KeyAlgorithm.EC_P256, FROM, UNTIL);
        assertAlert(AlertDescription.UNKNOWN_CA,
                List.of(leaf.certificate(), sub.certificate().certificate(), intermediateCert()), Purpose.SERVER_AUTH);
    }

    @Test
    void clientCertificateUsedAsServerCertificateIsUnsupportedCertificate() throws Exception {
        IssuedCertificate client = intermediate.issueClient("device-42", KeyAlgorithm.EC_P256, FROM, UNTIL);
        validator.validate(List.of(client.certificate(), intermediateCert()), Purpose.CLIENT_AUTH);
        assertAlert(AlertDescription.UNSUPPORTED_CERTIFICATE, List.of(client.certificate(), intermediateCert()),
                Purpose.SERVER_AUTH);
        assertAlert(AlertDescription.UNSUPPORTED_CERTIFICATE, List.of(server.certificate(), intermediateCert()),
                Purpose.CLIENT_AUTH);
    }

    @Test
    void leafKeyUsageMustAllowThePurpose() throws Exception {
        IssuedCertificate encipherOnly = intermediate.issue(CertificateSpec.builder("c").validity(FROM, UNTIL).endEntity()
                .keyUsage(KeyUsage.KEY_ENCIPHERMENT).build(), KeyAlgorithm.EC_P256);
        validator.validate(List.of(encipherOnly.certificate(), intermediateCert()), Purpose.SERVER_AUTH);
        assertAlert(AlertDescription.UNSUPPORTED_CERTIFICATE, List.of(encipherOnly.certificate(), intermediateCert()),
                Purpose.CLIENT_AUTH);
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> CertificateValidator.requireKeyUsage(encipherOnly.certificate(), KeyUsage.DIGITAL_SIGNATURE));
        assertEquals(AlertDescription.UNSUPPORTED_CERTIFICATE, e.description());
        CertificateValidator.requireKeyUsage(encipherOnly.certificate(), KeyUsage.KEY_ENCIPHERMENT);
    }

    @Test
    void leafWithoutEkuOrWithAnyEkuIsAcceptedForBothPurposes() throws Exception {
        IssuedCertificate plain = intermediate.issue(CertificateSpec.builder("plain").validity(FROM, UNTIL).build(),
                KeyAlgorithm.EC_P256);
        IssuedCertificate any = intermediate.issue(CertificateSpec.builder("any").validity(FROM, UNTIL)
                .extendedKeyUsage(ExtendedKeyUsage.ANY).build(), KeyAlgorithm.EC_P256);
        for (Purpose purpose : Purpose.values()) {
            validator.validate(List.of(plain.certificate(), intermediateCert()), purpose);
            validator.validate(List.of(any.certificate(), intermediateCert()), purpose);
        }
    }

    @Test
    void intermediateRestrictedToClientAuthCannotIssueServerCertificates() {
        IssuedCertificate clientOnly = root.issue(CertificateSpec.builder("Client CA").validity(FROM, UNTIL)
                .ca(OptionalInt.empty()).keyUsage(KeyUsage.KEY_CERT_SIGN).extendedKeyUsage(ExtendedKeyUsage.CLIENT_AUTH)
                .build(), KeyAlgorithm.EC_P256);
        CertificateAuthority ca = CertificateAuthority.of(clientOnly.certificate(), clientOnly.keyPair().privateKey(),
                OpenSsl.RANDOM);
        IssuedCertificate leaf = ca.issue(CertificateSpec.builder("s").validity(FROM, UNTIL).build(), KeyAlgorithm.EC_P256);
        assertAlert(AlertDescription.UNSUPPORTED_CERTIFICATE, List.of(leaf.certificate(), clientOnly.certificate()),
                Purpose.SERVER_AUTH);
    }

    @Test
    void emptyChainIsRefused() {
        assertAlert(AlertDescription.BAD_CERTIFICATE, List.of(), Purpose.SERVER_AUTH);
    }
}
