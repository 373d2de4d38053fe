package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
import org.bouncycastle.asn1.ASN1Sequence;
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
 * <p>Parsed once, in one pass that checks the DER rules on the bytes as they are ({@link DerEncoding}); the
 * to-be-signed part and the two names are slices of the certificate's own bytes. The names' text
 * ({@link #subject()}, {@link #issuer()}) is rendered at parse, which also checks every attribute of both
 * names (BouncyCastle decodes a name's attributes only when it renders them: a malformed one is
 * bad_certificate here, not an unchecked exception in a later handshake step); the common name is found the
 * first time it is asked for.
 */
public final class Certificate {

    private final byte[] encoded;
    private final int tbsStart;
    private final int tbsEnd;
    private final int version;
    private final BigInteger serialNumber;
    private final int issuerStart;
    private final int issuerEnd;
    private final int subjectStart;
    private final int subjectEnd;
    /** Where the SEQUENCE of Extensions starts in {@code encoded}, or -1 without extensions. */
    private final int extensionsStart;
    private final Instant notBefore;
    private final Instant notAfter;
    private final PublicKey publicKey;
    private final Optional<BasicConstraints> basicConstraints;
    private final Optional<Set<KeyUsage>> keyUsage;
    private final Optional<List<String>> extendedKeyUsage;
    private final Optional<SubjectAltName> subjectAltName;
    private final Optional<byte[]> subjectKeyIdentifier;
    private final Optional<byte[]> authorityKeyIdentifier;
    private final Set<String> criticalExtensions;
    private final String signatureAlgorithm;
    private final byte[] signatureParameters;
    private final byte[] signature;
    private final String subject;
    private final String issuer;
    // built on first use (a race builds the same immutable value twice, harmlessly)
    private Optional<String> commonName;

    private Certificate(byte[] encoded, TBSCertificate tbs, PublicKey publicKey, Extensions extensions,
                        Set<String> criticalExtensions, AlgorithmIdentifier algorithm, byte[] signature) throws IOException {
        this.encoded = encoded;
        // RFC 5280 §4.1.2.4 Name: rendering decodes every AttributeTypeAndValue (a SEQUENCE of an OID and a value
        // of its string type) and throws on a malformed one, which Asn1.parse makes bad_certificate
        this.issuer = tbs.getIssuer().toString();
        this.subject = tbs.getSubject().toString();
        // the DER was checked, so the parts are where the structure says, in the form they are encoded in
        tbsStart = DerEncoding.contentStart(encoded, 0);
        tbsEnd = DerEncoding.end(encoded, tbsStart);
        int field = DerEncoding.contentStart(encoded, tbsStart);
        if (encoded[field] == EXPLICIT_VERSION_TAG) {
            field = DerEncoding.end(encoded, field);
        }
        field = DerEncoding.end(encoded, DerEncoding.end(encoded, field)); // serialNumber, signature
        issuerStart = field;
        issuerEnd = DerEncoding.end(encoded, issuerStart);
        int validity = issuerEnd;
        subjectStart = DerEncoding.end(encoded, validity);
        subjectEnd = DerEncoding.end(encoded, subjectStart);
        extensionsStart = extensions(encoded, subjectEnd, tbsEnd);
        int notBeforeAt = DerEncoding.contentStart(encoded, validity);
        this.notBefore = DerTime.parse(encoded, notBeforeAt);
        this.notAfter = DerTime.parse(encoded, DerEncoding.end(encoded, notBeforeAt));
        this.version = tbs.getVersionNumber();
        this.serialNumber = tbs.getSerialNumber().getValue();
        this.publicKey = publicKey;
        this.basicConstraints = basicConstraints(extensions);
        this.keyUsage = keyUsage(extensions);
        this.extendedKeyUsage = extendedKeyUsage(extensions);
        this.subjectAltName = subjectAltName(extensions);
        this.subjectKeyIdentifier = subjectKeyIdentifier(extensions);
        this.authorityKeyIdentifier = authorityKeyIdentifier(extensions);
        this.criticalExtensions = Collections.unmodifiableSet(criticalExtensions);
        this.signatureAlgorithm = algorithm.getAlgorithm().getId();
        this.signatureParameters = algorithm.getParameters() == null ? new byte[0]
                : algorithm.getParameters().toASN1Primitive().getEncoded("DER");
        this.signature = signature;
    }

    // RFC 5280 §4.1: version [0] EXPLICIT, the TBSCertificate's optional first field; extensions [3] EXPLICIT, its last
    private static final byte EXPLICIT_VERSION_TAG = (byte) 0xA0;
    private static final byte EXPLICIT_EXTENSIONS_TAG = (byte) 0xA3;
    private static final byte BOOLEAN_TAG = 0x01;

    // after the subject: subjectPublicKeyInfo, then issuerUniqueID [1], subjectUniqueID [2], extensions [3], each optional
    private static int extensions(byte[] der, int subjectPublicKeyInfo, int tbsEnd) {
        for (int at = DerEncoding.end(der, subjectPublicKeyInfo); at < tbsEnd; at = DerEncoding.end(der, at)) {
            if (der[at] == EXPLICIT_EXTENSIONS_TAG) {
                return DerEncoding.contentStart(der, at);
            }
        }
        return -1;
    }

    /**
     * Parses a DER certificate; any malformation is a {@link CertificateParseException} (bad_certificate). The
     * same bytes parsed lately give the same (immutable) certificate again ({@link ParsedCertificates}).
     */
    public static Certificate parse(byte[] der) throws CertificateParseException {
        Certificate known = ParsedCertificates.SHARED.get(der);
        if (known != null) {
            return known;
        }
        Certificate parsed = Asn1.parse("certificate", () -> decode(der.clone()));
        ParsedCertificates.SHARED.put(parsed);
        return parsed;
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
        return new Certificate(der, tbs, publicKey, extensions, critical, outer, x509.getSignature().getOctets());
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
        if (extensionsStart < 0) {
            return Optional.empty();
        }
        byte[] wanted = Asn1.der(new ASN1ObjectIdentifier(oid));
        // RFC 5280 §4.1: Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
        int extensionsEnd = DerEncoding.end(encoded, extensionsStart);
        for (int at = DerEncoding.contentStart(encoded, extensionsStart); at < extensionsEnd; at = DerEncoding.end(encoded, at)) {
            int id = DerEncoding.contentStart(encoded, at);
            int value = DerEncoding.end(encoded, id);
            if (Arrays.equals(encoded, id, value, wanted, 0, wanted.length)) {
                if (encoded[value] == BOOLEAN_TAG) {
                    value = DerEncoding.end(encoded, value);
                }
                return Optional.of(Arrays.copyOfRange(encoded, DerEncoding.contentStart(encoded, value),
                        DerEncoding.end(encoded, value)));
            }
        }
        return Optional.empty();
    }

    /** Every entry of the subjectAltName extension, of every type (RFC 5280 §4.2.1.6); empty without it. */
    public List<GeneralName> subjectAltNames() {
        return extensionValue(Extension.subjectAlternativeName.getId())
                .map(value -> List.of(GeneralNames.getInstance(value).getNames()))
                .orElse(List.of());
    }

    /** Whether the certificate's issuer name is its own subject name (self-issued, RFC 5280 §6.1). */
    public boolean isSelfIssued() {
        return Arrays.equals(encoded, subjectStart, subjectEnd, encoded, issuerStart, issuerEnd);
    }

    /** Whether the basicConstraints extension says CA:TRUE. */
    public boolean isCa() {
        return basicConstraints.map(BasicConstraints::ca).orElse(false);
    }

    /** The whole certificate, DER. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The signed part, DER, exactly as it appears in {@link #encoded()}. */
    public byte[] tbsCertificate() {
        return Arrays.copyOfRange(encoded, tbsStart, tbsEnd);
    }

    /** 1, 2 or 3. */
    public int version() {
        return version;
    }

    public BigInteger serialNumber() {
        return serialNumber;
    }

    /** The subject Name as text (RFC 4514 style, BouncyCastle's rendering). */
    public String subject() {
        return subject;
    }

    /** The issuer Name as text. */
    public String issuer() {
        return issuer;
    }

    /** The DER of the subject Name (compared when chaining, RFC 5280 §7.1). */
    public byte[] subjectEncoded() {
        return Arrays.copyOfRange(encoded, subjectStart, subjectEnd);
    }

    /** The DER of the issuer Name. */
    public byte[] issuerEncoded() {
        return Arrays.copyOfRange(encoded, issuerStart, issuerEnd);
    }

    /** The most specific (last) commonName of the subject, if it has one. */
    public Optional<String> commonName() {
        Optional<String> cn = commonName;
        if (cn == null) {
            cn = commonName(name(subjectStart, subjectEnd));
            commonName = cn;
        }
        return cn;
    }

    // a Name of this certificate, from the bytes parse() already accepted
    private X500Name name(int start, int end) {
        return X500Name.getInstance(ASN1Sequence.getInstance(Arrays.copyOfRange(encoded, start, end)));
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public Optional<BasicConstraints> basicConstraints() {
        return basicConstraints;
    }

    /** The keyUsage bits, empty if the extension is absent. */
    public Optional<Set<KeyUsage>> keyUsage() {
        return keyUsage;
    }

    /** The extendedKeyUsage OIDs, empty if the extension is absent. */
    public Optional<List<String>> extendedKeyUsage() {
        return extendedKeyUsage;
    }

    /** The dNSName/iPAddress entries, empty if the extension is absent. */
    public Optional<SubjectAltName> subjectAltName() {
        return subjectAltName;
    }

    public Optional<byte[]> subjectKeyIdentifier() {
        return subjectKeyIdentifier.map(byte[]::clone);
    }

    public Optional<byte[]> authorityKeyIdentifier() {
        return authorityKeyIdentifier.map(byte[]::clone);
    }

    /** The OIDs of every extension marked critical. */
    public Set<String> criticalExtensions() {
        return criticalExtensions;
    }

    /** The outer signatureAlgorithm OID. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The DER of its parameters, or an empty array when absent. */
    public byte[] signatureParameters() {
        return signatureParameters.clone();
    }

    public byte[] signature() {
        return signature.clone();
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
        return "Certificate[subject=" + subject() + ", issuer=" + issuer() + ", serial=" + serialNumber.toString(16)
                + ", notBefore=" + notBefore + ", notAfter=" + notAfter + ", key=" + publicKey + "]";
    }
}
