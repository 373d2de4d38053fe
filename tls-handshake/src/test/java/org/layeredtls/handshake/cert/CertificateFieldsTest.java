package org.layeredtls.handshake.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.handshake.testing.OpenSsl;

/**
 * What {@link Certificate} reads straight from the DER (the to-be-signed slice, the names' slices, the
 * validity times, the extensions' values) and what it builds on first use (the names' text, the common name) equal what
 * BouncyCastle's full parse gives, for UTCTime and GeneralizedTime validity (RFC 5280 §4.1.2.5: from 2050 on).
 */
class CertificateFieldsTest {

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void fieldsReadFromTheDerEqualBouncyCastlesParse(KeyAlgorithm algorithm) throws Exception {
        Instant notBefore = Instant.parse("2026-01-02T03:04:05Z");
        for (Instant notAfter : List.of(Instant.parse("2049-12-31T23:59:59Z"), Instant.parse("2060-06-07T08:09:10Z"))) {
            CertificateAuthority ca = CertificateAuthority.create("Fields CA", algorithm, notBefore, notAfter, OpenSsl.RANDOM);
            Certificate leaf = ca.issueServer("fields.example", List.of("fields.example"), List.of(), algorithm,
                    notBefore, notAfter).certificate();
            for (Certificate certificate : List.of(ca.certificate().certificate(), leaf)) {
                Certificate parsed = Certificate.parse(certificate.encoded());
                TBSCertificate tbs = org.bouncycastle.asn1.x509.Certificate.getInstance(parsed.encoded()).getTBSCertificate();
                assertArrayEquals(tbs.getEncoded(ASN1Encoding.DER), parsed.tbsCertificate());
                assertArrayEquals(tbs.getSubject().getEncoded(ASN1Encoding.DER), parsed.subjectEncoded());
                assertArrayEquals(tbs.getIssuer().getEncoded(ASN1Encoding.DER), parsed.issuerEncoded());
                assertEquals(tbs.getSubject().toString(), parsed.subject());
                assertEquals(tbs.getIssuer().toString(), parsed.issuer());
                RDN[] cn = tbs.getSubject().getRDNs(BCStyle.CN);
                assertEquals(IETFUtils.valueToString(cn[cn.length - 1].getFirst().getValue()), parsed.commonName().orElseThrow());
                assertEquals(tbs.getStartDate().getDate().toInstant(), parsed.notBefore());
                assertEquals(tbs.getEndDate().getDate().toInstant(), parsed.notAfter());
                assertEquals(notBefore, parsed.notBefore());
                assertEquals(notAfter, parsed.notAfter());
                assertEquals(certificate == leaf ? false : true, parsed.isSelfIssued());
                for (org.bouncycastle.asn1.ASN1ObjectIdentifier oid : tbs.getExtensions().getExtensionOIDs()) {
                    assertArrayEquals(tbs.getExtensions().getExtension(oid).getExtnValue().getOctets(),
                            parsed.extensionValue(oid.getId()).orElseThrow(), oid.getId());
                }
                assertEquals(java.util.Optional.empty(), parsed.extensionValue(NameConstraints.OID));
            }
        }
    }
}
