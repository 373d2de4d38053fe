package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.KeyPair;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SignatureScheme;

/**
 * The certificate tool: a certificate authority that makes its own self-signed certificate and
 * signs X.509 v3 certificates (RFC 5280) for TLS servers, TLS clients (CWMP devices) and
 * intermediate CAs, so that the demo and the tests need no external tool. Certificates are signed
 * with SHA-256 (RSA PKCS#1 v1.5 or ECDSA P-256), or ECDSA SHA-384 for a P-384 CA key.
 */
public final class CertificateAuthority {

    private static final PublicKeyCrypto CRYPTO = PublicKeyCrypto.defaultImplementation();

    private final IssuedCertificate self;
    private final RandomSource random;

    private CertificateAuthority(IssuedCertificate self, RandomSource random) {
        this.self = self;
        this.random = random;
    }

    /** A new root CA: a fresh key, CA:TRUE, keyUsage keyCertSign and cRLSign, self-signed. */
    public static CertificateAuthority create(String commonName, KeyAlgorithm algorithm, Instant notBefore,
                                              Instant notAfter, RandomSource random) {
        return create(CertificateSpec.builder(commonName).validity(notBefore, notAfter).ca(OptionalInt.empty())
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).build(), algorithm, random);
    }

    /** A new self-signed CA with exactly the extensions of {@code spec} (tests use it to make bad CAs). */
    public static CertificateAuthority create(CertificateSpec spec, KeyAlgorithm algorithm, RandomSource random) {
        KeyPair keys = algorithm.generate(random);
        X500Name name = name(spec.commonName());
        Certificate certificate = sign(spec, name, keys.publicKey(), name, keys.publicKey(), keys.privateKey(), random);
        return new CertificateAuthority(new IssuedCertificate(certificate, keys), random);
    }

    /** A CA from an existing certificate and its private key (for example read with {@link Pem}). */
    public static CertificateAuthority of(Certificate certificate, PrivateKey privateKey, RandomSource random) {
        PublicKey publicKey = CRYPTO.publicKeyOf(privateKey);
        if (!publicKey.equals(certificate.publicKey())) {
            throw new IllegalArgumentException("the private key does not belong to " + certificate.subject());
        }
        return new CertificateAuthority(new IssuedCertificate(certificate, new KeyPair(publicKey, privateKey)), random);
    }

    /** This CA's own certificate and key pair. */
    public IssuedCertificate certificate() {
        return self;
    }

    /**
     * A TLS server certificate: SAN dNSName/iPAddress entries, extendedKeyUsage serverAuth,
     * keyUsage digitalSignature (and keyEncipherment for RSA, for the RSA key exchange), CA:FALSE.
     */
    public IssuedCertificate issueServer(String commonName, List<String> dnsNames, List<String> ipAddresses,
                                         KeyAlgorithm algorithm, Instant notBefore, Instant notAfter) {
        CertificateSpec.Builder spec = CertificateSpec.builder(commonName).validity(notBefore, notAfter).endEntity()
                .extendedKeyUsage(ExtendedKeyUsage.SERVER_AUTH)
                .dnsName(dnsNames.toArray(String[]::new)).ipAddress(ipAddresses.toArray(String[]::new));
        if (algorithm == KeyAlgorithm.RSA_2048) {
            spec.keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT);
        } else {
            spec.keyUsage(KeyUsage.DIGITAL_SIGNATURE);
        }
        return issue(spec.build(), algorithm);
    }

    /** A TLS client certificate whose subject CN is the device identity: extendedKeyUsage clientAuth. */
    public IssuedCertificate issueClient(String deviceIdentity, KeyAlgorithm algorithm, Instant notBefore,
                                         Instant notAfter) {
        return issue(CertificateSpec.builder(deviceIdentity).validity(notBefore, notAfter).endEntity()
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE).extendedKeyUsage(ExtendedKeyUsage.CLIENT_AUTH).build(), algorithm);
    }

    /** An intermediate CA signed by this one. */
    public CertificateAuthority issueIntermediate(String commonName, KeyAlgorithm algorithm, Instant notBefore,
                                                  Instant notAfter, OptionalInt pathLength) {
        IssuedCertificate issued = issue(CertificateSpec.builder(commonName).validity(notBefore, notAfter)
                .ca(pathLength).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).build(), algorithm);
        return new CertificateAuthority(issued, random);
    }

    /** A certificate with exactly the contents of {@code spec}, for a fresh key of {@code algorithm}. */
    public IssuedCertificate issue(CertificateSpec spec, KeyAlgorithm algorithm) {
        KeyPair keys = algorithm.generate(random);
        return new IssuedCertificate(issue(spec, keys.publicKey()), keys);
    }

    /** A certificate with exactly the contents of {@code spec} for an existing public key. */
    public Certificate issue(CertificateSpec spec, PublicKey subjectKey) {
        return sign(spec, name(spec.commonName()), subjectKey, X500Name.getInstance(self.certificate().subjectEncoded()),
                self.keyPair().publicKey(), self.keyPair().privateKey(), random);
    }

    /** Writes {@code ca.pem} and {@code ca.key} into {@code directory}. */
    public IssuedCertificate.PemFiles writePem(Path directory) throws IOException {
        return self.writePem(directory, "ca");
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    // RFC 5280 §4.1: TBSCertificate, then signatureAlgorithm and signatureValue over its DER
    private static Certificate sign(CertificateSpec spec, X500Name subject, PublicKey subjectKey, X500Name issuer,
                                    PublicKey issuerKey, PrivateKey issuerPrivateKey, RandomSource random) {
        SignatureScheme scheme = CertificateSignatures.schemeFor(issuerPrivateKey);
        AlgorithmIdentifier algorithm = CertificateSignatures.algorithmIdentifier(scheme);
        SubjectPublicKeyInfo spki = KeyEncoding.subjectPublicKeyInfo(subjectKey);

        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(serialNumber(random)));
        tbs.setSignature(algorithm);
        tbs.setIssuer(issuer);
        tbs.setStartDate(new Time(Date.from(spec.notBefore())));
        tbs.setEndDate(new Time(Date.from(spec.notAfter())));
        tbs.setSubject(subject);
        tbs.setSubjectPublicKeyInfo(spki);
        tbs.setExtensions(extensions(spec, spki, KeyEncoding.subjectPublicKeyInfo(issuerKey)));
        TBSCertificate toBeSigned = tbs.generateTBSCertificate();

        byte[] signature = CRYPTO.sign(scheme, issuerPrivateKey, Asn1.der(toBeSigned), random);
        byte[] der = Asn1.der(new DERSequence(new ASN1Encodable[] {toBeSigned, algorithm, new DERBitString(signature)}));
        try {
            return Certificate.parse(der);
        } catch (CertificateParseException e) {
            throw new IllegalStateException("the certificate tool made a certificate it cannot read", e);
        }
    }

    private static org.bouncycastle.asn1.x509.Extensions extensions(CertificateSpec spec, SubjectPublicKeyInfo subject,
                                                                    SubjectPublicKeyInfo issuer) {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        try {
            if (spec.basicConstraints().isPresent()) {
                BasicConstraints bc = spec.basicConstraints().get();
                // RFC 5280 §4.2.1.9: MUST be critical in CA certificates
                extensions.addExtension(Extension.basicConstraints, bc.ca(), bc.pathLengthConstraint().isPresent()
                        ? new org.bouncycastle.asn1.x509.BasicConstraints(bc.pathLengthConstraint().getAsInt())
                        : new org.bouncycastle.asn1.x509.BasicConstraints(bc.ca()));
            }
            if (spec.keyUsage().isPresent()) {
                int bits = 0;
                for (KeyUsage usage : spec.keyUsage().get()) {
                    bits |= usage.mask();
                }
                extensions.addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(bits));
            }
            if (!spec.extendedKeyUsage().isEmpty()) {
                KeyPurposeId[] purposes = spec.extendedKeyUsage().stream()
                        .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid))).toArray(KeyPurposeId[]::new);
                extensions.addExtension(Extension.extendedKeyUsage, false,
                        new org.bouncycastle.asn1.x509.ExtendedKeyUsage(purposes));
            }
            List<GeneralName> names = new ArrayList<>();
            spec.dnsNames().forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
            spec.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            if (!names.isEmpty()) {
                extensions.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            if (!spec.permittedDnsNames().isEmpty() || !spec.excludedDnsNames().isEmpty()) {
                // RFC 5280 §4.2.1.10: conforming CAs MUST mark this extension as critical
                extensions.addExtension(Extension.nameConstraints, true, new org.bouncycastle.asn1.x509.NameConstraints(
                        dnsSubtrees(spec.permittedDnsNames()), dnsSubtrees(spec.excludedDnsNames())));
            }
            extensions.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(subject)));
            extensions.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyIdentifier(issuer)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an extension", e);
        }
        return extensions.generate();
    }

    // RFC 5280 §4.2.1.10: GeneralSubtrees of dNSNames, minimum 0 and no maximum; null when there are none
    private static GeneralSubtree[] dnsSubtrees(List<String> names) {
        return names.isEmpty() ? null : names.stream()
                .map(name -> new GeneralSubtree(new GeneralName(GeneralName.dNSName, name))).toArray(GeneralSubtree[]::new);
    }

    // RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING's value
    private static byte[] keyIdentifier(SubjectPublicKeyInfo spki) {
        Hash sha1 = CryptoProvider.defaultProvider().hash(HashAlgorithm.SHA1);
        sha1.update(spki.getPublicKeyData().getBytes());
        return sha1.doFinal();
    }

    // RFC 5280 §4.1.2.2: a positive integer of at most 20 octets; 16 random bytes here
    private static BigInteger serialNumber(RandomSource random) {
        byte[] bytes = random.nextBytes(16);
        bytes[0] &= 0x7f;
        bytes[0] |= 0x01; // never zero
        return new BigInteger(1, bytes);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + self.certificate().subject() + "]";
    }
}
