package org.layeredtls.handshake.cert;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.crypto.SignatureScheme;

/**
 * The signature algorithms of X.509 certificates (RFC 3279 §2.2, RFC 4055 §3, RFC 5758 §3.2)
 * and how to check one with the issuer's key.
 */
final class CertificateSignatures {

    private static final PublicKeyCrypto CRYPTO = PublicKeyCrypto.defaultImplementation();

    private CertificateSignatures() {
    }

    /** Whether {@code issuerKey} signed {@code certificate}'s TBSCertificate. */
    static boolean verify(Certificate certificate, PublicKey issuerKey) {
        String oid = certificate.signatureAlgorithm();
        byte[] tbs = certificate.tbsCertificate();
        byte[] signature = certificate.signature();
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS.getId())) {
            return verifyPss(certificate.signatureParameters(), issuerKey, tbs, signature);
        }
        Optional<SignatureScheme> scheme = scheme(oid);
        if (scheme.isEmpty() || !scheme.get().fits(issuerKey)) {
            return false;
        }
        byte[] parameters = certificate.signatureParameters();
        boolean rsa = scheme.get().kind() == SignatureScheme.Kind.RSA_PKCS1;
        // RFC 4055 §5 / RFC 5758 §3.2: RSA parameters NULL (or absent, tolerated as OpenSSL does); ECDSA absent
        if (rsa ? !(parameters.length == 0 || isNull(parameters)) : parameters.length != 0) {
            return false;
        }
        return CRYPTO.verify(scheme.get(), issuerKey, tbs, signature);
    }

    /** The scheme of a PKCS#1 v1.5 or ECDSA signature algorithm OID; MD5 and unknown OIDs have none. */
    static Optional<SignatureScheme> scheme(String oid) {
        if (oid.equals(PKCSObjectIdentifiers.sha1WithRSAEncryption.getId())) {
            return Optional.of(SignatureScheme.RSA_PKCS1_SHA1);
        } else if (oid.equals(PKCSObjectIdentifiers.sha256WithRSAEncryption.getId())) {
            return Optional.of(SignatureScheme.RSA_PKCS1_SHA256);
        } else if (oid.equals(PKCSObjectIdentifiers.sha384WithRSAEncryption.getId())) {
            return Optional.of(SignatureScheme.RSA_PKCS1_SHA384);
        } else if (oid.equals(PKCSObjectIdentifiers.sha512WithRSAEncryption.getId())) {
            return Optional.of(SignatureScheme.RSA_PKCS1_SHA512);
        } else if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA1.getId())) {
            return Optional.of(SignatureScheme.ECDSA_SHA1);
        } else if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA256.getId())) {
            return Optional.of(SignatureScheme.ECDSA_SHA256);
        } else if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA384.getId())) {
            return Optional.of(SignatureScheme.ECDSA_SHA384);
        } else if (oid.equals(X9ObjectIdentifiers.ecdsa_with_SHA512.getId())) {
            return Optional.of(SignatureScheme.ECDSA_SHA512);
        }
        return Optional.empty();
    }

    /**
     * The hash a certificate was signed with, which the security level judges (MD5 included, which
     * is never verified); empty for an algorithm this stack does not know.
     */
    static Optional<HashAlgorithm> signatureHash(Certificate certificate) {
        String oid = certificate.signatureAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.md5WithRSAEncryption.getId())) {
            return Optional.of(HashAlgorithm.MD5);
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS.getId())) {
            try {
                RSASSAPSSparams pss = RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(certificate.signatureParameters()));
                return hash(pss.getHashAlgorithm().getAlgorithm());
            } catch (java.io.IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return scheme(oid).map(SignatureScheme::hash);
    }

    // RFC 4055 §3.1: RSASSA-PSS-params; MGF1 must use the same hash, the trailer must be 1
    private static boolean verifyPss(byte[] parameters, PublicKey issuerKey, byte[] tbs, byte[] signature) {
        if (!(issuerKey instanceof RsaPublicKey rsa) || parameters.length == 0) {
            return false;
        }
        try {
            RSASSAPSSparams pss = RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(parameters));
            Optional<HashAlgorithm> hash = hash(pss.getHashAlgorithm().getAlgorithm());
            AlgorithmIdentifier mgf = pss.getMaskGenAlgorithm();
            if (hash.isEmpty() || !mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
                    || !AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm()
                            .equals(pss.getHashAlgorithm().getAlgorithm())
                    || pss.getTrailerField().intValue() != 1) {
                return false;
            }
            int saltLength = pss.getSaltLength().intValueExact();
            return CRYPTO.verifyRsaPss(hash.get(), rsa, tbs, signature, saltLength);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<HashAlgorithm> hash(ASN1ObjectIdentifier oid) {
        if (oid.getId().equals("1.3.14.3.2.26")) {
            return Optional.of(HashAlgorithm.SHA1);
        } else if (oid.equals(NISTObjectIdentifiers.id_sha256)) {
            return Optional.of(HashAlgorithm.SHA256);
        } else if (oid.equals(NISTObjectIdentifiers.id_sha384)) {
            return Optional.of(HashAlgorithm.SHA384);
        } else if (oid.equals(NISTObjectIdentifiers.id_sha512)) {
            return Optional.of(HashAlgorithm.SHA512);
        }
        return Optional.empty();
    }

    private static boolean isNull(byte[] parameters) {
        return parameters.length == 2 && parameters[0] == 0x05 && parameters[1] == 0x00;
    }

    /** The signature algorithm the certificate tool uses for a key: SHA-256 for RSA and P-256, SHA-384 for P-384, SHA-512 for P-521. */
    static SignatureScheme schemeFor(PrivateKey key) {
        if (key instanceof EcPrivateKey ec) {
            return ec.curve() == NamedCurve.SECP256R1 ? SignatureScheme.ECDSA_SHA256
                    : ec.curve() == NamedCurve.SECP384R1 ? SignatureScheme.ECDSA_SHA384 : SignatureScheme.ECDSA_SHA512;
        }
        return SignatureScheme.RSA_PKCS1_SHA256;
    }

    /** The AlgorithmIdentifier of a scheme the tool signs with. */
    static AlgorithmIdentifier algorithmIdentifier(SignatureScheme scheme) {
        return switch (scheme) {
            case RSA_PKCS1_SHA256 -> new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
            case ECDSA_SHA256 -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            case ECDSA_SHA384 -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384);
            case ECDSA_SHA512 -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA512);
            default -> throw new IllegalArgumentException("the certificate tool does not sign with " + scheme);
        };
    }
}
