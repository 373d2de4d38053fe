package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.layeredtls.crypto.PublicKey;

/**
 * An X.509 v1/v3 certificate (RFC 5280 §4.1) as the stack needs it: the exact DER bytes, the
 * to-be-signed part, the names, the validity, the subject's key, the extensions that path
 * validation and the host-name check read, and the issuer's signature. Two certificates are
 * equal when their DER bytes are.
 *
 * @param encoded the whole certificate, DER
 * @param tbsCertificate the signed part, DER, exactly as it appears in {@code encoded}
 * @param version 1, 2 or 3
 * @param subjectEncoded the DER of the subject Name (compared when chaining, RFC 5280 §7.1)
 * @param issuerEncoded the DER of the issuer Name
 * @param keyUsage the keyUsage bits, empty if the extension is absent
 * @param extendedKeyUsage the extendedKeyUsage OIDs, empty if the extension is absent
 * @param subjectAltName the dNSName/iPAddress entries, empty if the extension is absent
 * @param criticalExtensions the OIDs of every extension marked critical
 * @param signatureAlgorithm the outer signatureAlgorithm OID
 * @param signatureParameters the DER of its parameters, or an empty array when absent
 */
public record Certificate(byte[] encoded, byte[] tbsCertificate, int version, BigInteger serialNumber,
                          String subject, String issuer, byte[] subjectEncoded, byte[] issuerEncoded,
                          Optional<String> commonName, Instant notBefore, Instant notAfter, PublicKey publicKey,
                          Optional<BasicConstraints> basicConstraints, Optional<Set<KeyUsage>> keyUsage,
                          Optional<List<String>> extendedKeyUsage, Optional<SubjectAltName> subjectAltName,
                          Optional<byte[]> subjectKeyIdentifier, Optional<byte[]> authorityKeyIdentifier,
                          Set<String> criticalExtensions, String signatureAlgorithm, byte[] signatureParameters,
                          byte[] signature) {

    /** Parses a DER certificate; any malformation is a {@link CertificateParseException} (bad_certificate). */
    public static Certificate parse(byte[] der) throws CertificateParseException {
        return Asn1.parse("certificate", () -> decode(der.clone()));
    }

    private static Certificate decode(byte[] der) throws IOException {
        org.bouncycastle.asn1.x509.Certificate x509 = org.bouncycastle.asn1.x509.Certificate.getInstance(Asn1.strict(der));
        TBSCertificate tbs = x509.getTBSCertificate();
        AlgorithmIdentifier outer = x509.getSignatureAlgorithm();
        // RFC 5280 §4.1.1.2: signatureAlgorithm MUST be the same as TBSCertificate.signature
        if (!outer.equals(tbs.getSignature())) {
            throw new CertificateParseException("signatureAlgorithm differs from the TBSCertificate's signature field");
        }
        if (x509.getSignature().getPadBits() != 0) {
            throw new CertificateParseException("signature BIT STRING has unused bits");
        }
        Extensions extensions = tbs.getExtensions();
        if (extensions != null && tbs.getVersionNumber() != 3) {
            throw new CertificateParseException("extensions in a version " + tbs.getVersionNumber() + " certificate");
        }
        Set<String> critical = new TreeSet<>();
        if (extensions != null) {
            for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
                critical.add(oid.getId());
            }
        }
        PublicKey publicKey = KeyEncoding.fromSubjectPublicKeyInfo(tbs.getSubjectPublicKeyInfo());
        return new Certificate(der, tbs.getEncoded("DER"), tbs.getVersionNumber(), tbs.getSerialNumber().getValue(),
                tbs.getSubject().toString(), tbs.getIssuer().toString(),
                tbs.getSubject().getEncoded("DER"), tbs.getIssuer().getEncoded("DER"), commonName(tbs.getSubject()),
                tbs.getStartDate().getDate().toInstant(), tbs.getEndDate().getDate().toInstant(), publicKey,
                basicConstraints(extensions), keyUsage(extensions), extendedKeyUsage(extensions),
                subjectAltName(extensions), subjectKeyIdentifier(extensions), authorityKeyIdentifier(extensions),
                critical, outer.getAlgorithm().getId(),
                outer.getParameters() == null ? new byte[0] : outer.getParameters().toASN1Primitive().getEncoded("DER"),
                x509.getSignature().getOctets());
    }

    // RFC 6125 §2.3.1: the most specific (last) CN of the subject
    private static Optional<String> commonName(X500Name subject) {
        RDN[] rdns = subject.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(rdns[rdns.length - 1].getFirst().getValue()));
    }

    private static Optional<BasicConstraints> basicConstraints(Extensions extensions) {
        if (extensions == null || extensions.getExtension(Extension.basicConstraints) == null) {
            return Optional.empty();
        }
        org.bouncycastle.asn1.x509.BasicConstraints bc = org.bouncycastle.asn1.x509.BasicConstraints.fromExtensions(extensions);
        BigInteger pathLen = bc.getPathLenConstraint();
        OptionalInt limit = pathLen == null ? OptionalInt.empty()
                : OptionalInt.of(pathLen.bitLength() > 31 ? Integer.MAX_VALUE : pathLen.intValue());
        return Optional.of(new BasicConstraints(bc.isCA(), limit));
    }

    private static Optional<Set<KeyUsage>> keyUsage(Extensions extensions) {
        if (extensions == null || extensions.getExtension(Extension.keyUsage) == null) {
            return Optional.empty();
        }
        org.bouncycastle.asn1.x509.KeyUsage bits = org.bouncycastle.asn1.x509.KeyUsage.fromExtensions(extensions);
        Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        for (KeyUsage usage : KeyUsage.values()) {
            if (bits.hasUsages(usage.mask())) {
                usages.add(usage);
            }
        }
        return Optional.of(Set.copyOf(usages));
    }

    private static Optional<List<String>> extendedKeyUsage(Extensions extensions) {
        if (extensions == null || extensions.getExtension(Extension.extendedKeyUsage) == null) {
            return Optional.empty();
        }
        List<String> oids = new ArrayList<>();
        for (KeyPurposeId id : org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(extensions).getUsages()) {
            oids.add(id.getId());
        }
        return Optional.of(List.copyOf(oids));
    }

    private static Optional<SubjectAltName> subjectAltName(Extensions extensions) throws IOException {
        if (extensions == null || extensions.getExtension(Extension.subjectAlternativeName) == null) {
            return Optional.empty();
        }
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        for (GeneralName name : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames()) {
            ASN1Encodable value = name.getName();
            if (name.getTagNo() == GeneralName.dNSName) {
                dns.add(ASN1IA5String.getInstance(value).getString());
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                byte[] address = ASN1OctetString.getInstance(value).getOctets();
                if (address.length != 4 && address.length != 16) {
                    throw new CertificateParseException("iPAddress SAN of " + address.length + " bytes");
                }
                ips.add(InetAddress.getByAddress(address)); // no lookup: the address is given
            }
        }
        return Optional.of(new SubjectAltName(dns, ips));
    }

    private static Optional<byte[]> subjectKeyIdentifier(Extensions extensions) {
        SubjectKeyIdentifier ski = extensions == null ? null : SubjectKeyIdentifier.fromExtensions(extensions);
        return ski == null ? Optional.empty() : Optional.of(ski.getKeyIdentifier());
    }

    private static Optional<byte[]> authorityKeyIdentifier(Extensions extensions) {
        AuthorityKeyIdentifier aki = extensions == null ? null : AuthorityKeyIdentifier.fromExtensions(extensions);
        return aki == null || aki.getKeyIdentifierOctets() == null ? Optional.empty() : Optional.of(aki.getKeyIdentifierOctets());
    }

    /** The DER value (the extnValue contents) of the extension with this OID, if the certificate has it. */
    public Optional<byte[]> extensionValue(String oid) {
        Extensions extensions = tbs().getExtensions();
        Extension extension = extensions == null ? null : extensions.getExtension(new ASN1ObjectIdentifier(oid));
        return extension == null ? Optional.empty() : Optional.of(extension.getExtnValue().getOctets());
    }

    /** Every entry of the subjectAltName extension, of every type (RFC 5280 §4.2.1.6); empty without it. */
    public List<GeneralName> subjectAltNames() {
        Extensions extensions = tbs().getExtensions();
        if (extensions == null || extensions.getExtension(Extension.subjectAlternativeName) == null) {
            return List.of();
        }
        return List.of(GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames());
    }

    // the TBSCertificate again, from bytes parse() already accepted
    private TBSCertificate tbs() {
        return TBSCertificate.getInstance(tbsCertificate);
    }

    /** Whether the certificate's issuer name is its own subject name (self-issued, RFC 5280 §6.1). */
    public boolean isSelfIssued() {
        return Arrays.equals(subjectEncoded, issuerEncoded);
    }

    /** Whether the basicConstraints extension says CA:TRUE. */
    public boolean isCa() {
        return basicConstraints.map(BasicConstraints::ca).orElse(false);
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public byte[] tbsCertificate() {
        return tbsCertificate.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] signatureParameters() {
        return signatureParameters.clone();
    }

    @Override
    public byte[] subjectEncoded() {
        return subjectEncoded.clone();
    }

    @Override
    public byte[] issuerEncoded() {
        return issuerEncoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Certificate that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Certificate[subject=" + subject + ", issuer=" + issuer + ", serial=" + serialNumber.toString(16)
                + ", notBefore=" + notBefore + ", notAfter=" + notAfter + ", key=" + publicKey + "]";
    }
}
