package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.RsaPublicKey;

/**
 * The DER forms of keys that OpenSSL reads and writes: SubjectPublicKeyInfo (RFC 5280 §4.1.2.7,
 * RFC 3279, RFC 5480), PKCS#8 PrivateKeyInfo (RFC 5208), PKCS#1 RSAPrivateKey (RFC 8017 A.1.2)
 * and SEC 1 ECPrivateKey (RFC 5915). Keys are the crypto seam's plain values.
 */
public final class KeyEncoding {

    private KeyEncoding() {
    }

    /** Reads a DER SubjectPublicKeyInfo. */
    public static PublicKey decodePublicKey(byte[] der) throws CertificateParseException {
        return Asn1.parse("public key", () -> fromSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(Asn1.strict(der))));
    }

    /** Encodes a public key as a DER SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes it. */
    public static byte[] encodePublicKey(PublicKey key) {
        return Asn1.der(subjectPublicKeyInfo(key));
    }

    /** Reads a DER PKCS#8 PrivateKeyInfo (unencrypted). */
    public static PrivateKey decodePkcs8(byte[] der) throws CertificateParseException {
        return Asn1.parse("PKCS#8 private key", () -> {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(Asn1.strict(der));
            AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
            if (algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return fromPkcs1(RSAPrivateKey.getInstance(info.parsePrivateKey()));
            }
            if (algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                NamedCurve curve = curve(algorithm.getParameters());
                return fromSec1(ECPrivateKey.getInstance(info.parsePrivateKey()), curve);
            }
            throw new CertificateParseException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "unsupported private key algorithm " + algorithm.getAlgorithm(), null);
        });
    }

    /** Encodes a private key as DER PKCS#8, as {@code openssl genpkey} writes it. */
    public static byte[] encodePkcs8(PrivateKey key) {
        try {
            if (key instanceof RsaPrivateKey rsa) {
                return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        pkcs1(rsa)).getEncoded(ASN1Encoding.DER);
            }
            EcPrivateKey ec = (EcPrivateKey) key;
            ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(ec.curve().oid());
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid),
                    sec1(ec, null)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a private key", e);
        }
    }

    /** Reads a DER PKCS#1 RSAPrivateKey ({@code -----BEGIN RSA PRIVATE KEY-----}). */
    public static RsaPrivateKey decodePkcs1(byte[] der) throws CertificateParseException {
        return Asn1.parse("PKCS#1 RSA private key", () -> fromPkcs1(RSAPrivateKey.getInstance(Asn1.strict(der))));
    }

    /** Encodes an RSA private key as DER PKCS#1, as {@code openssl rsa -traditional} writes it. */
    public static byte[] encodePkcs1(RsaPrivateKey key) {
        return Asn1.der(pkcs1(key));
    }

    /**
     * Reads a DER SEC 1 ECPrivateKey ({@code -----BEGIN EC PRIVATE KEY-----}); the curve must be
     * named in its parameters (RFC 5915 §3), as OpenSSL writes them.
     */
    public static EcPrivateKey decodeSec1(byte[] der) throws CertificateParseException {
        return Asn1.parse("SEC 1 EC private key", () -> {
            ECPrivateKey sec1 = ECPrivateKey.getInstance(Asn1.strict(der));
            ASN1Encodable parameters = sec1.getParametersObject();
            if (parameters == null) {
                throw new CertificateParseException("EC private key without curve parameters");
            }
            return fromSec1(sec1, curve(parameters));
        });
    }

    /** Encodes an EC private key as DER SEC 1 with the named curve and the public key, as OpenSSL does. */
    public static byte[] encodeSec1(EcPrivateKey key) {
        return Asn1.der(sec1(key, new ASN1ObjectIdentifier(key.curve().oid())));
    }

    static PublicKey fromSubjectPublicKeyInfo(SubjectPublicKeyInfo info) throws CertificateParseException, IOException {
        AlgorithmIdentifier algorithm = info.getAlgorithm();
        if (algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
            RSAPublicKey rsa = RSAPublicKey.getInstance(info.parsePublicKey());
            RsaPublicKey key = new RsaPublicKey(rsa.getModulus(), rsa.getPublicExponent());
            if (!PublicKeyCrypto.defaultImplementation().isValidPublicKey(key)) {
                throw new CertificateParseException("RSA public key with an invalid modulus or exponent");
            }
            return key;
        }
        if (algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            EcPublicKey key = new EcPublicKey(curve(algorithm.getParameters()), info.getPublicKeyData().getOctets());
            if (!PublicKeyCrypto.defaultImplementation().isValidPublicKey(key)) {
                throw new CertificateParseException("EC public key is not a point on " + key.curve());
            }
            return key;
        }
        throw new CertificateParseException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                "unsupported public key algorithm " + algorithm.getAlgorithm(), null);
    }

    static SubjectPublicKeyInfo subjectPublicKeyInfo(PublicKey key) {
        try {
            if (key instanceof RsaPublicKey rsa) {
                return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        new RSAPublicKey(rsa.modulus(), rsa.publicExponent()));
            }
            EcPublicKey ec = (EcPublicKey) key;
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    new ASN1ObjectIdentifier(ec.curve().oid())), ec.encodedPoint());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a public key", e);
        }
    }

    // RFC 5480 §2.1.1: only namedCurve parameters; implicitCurve and specifiedCurve are refused
    private static NamedCurve curve(ASN1Encodable parameters) throws CertificateParseException {
        if (!(parameters instanceof ASN1ObjectIdentifier oid)) {
            throw new CertificateParseException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "EC key without a named curve (explicit parameters are not supported)", null);
        }
        return NamedCurve.fromOid(oid.getId()).orElseThrow(() -> new CertificateParseException(
                AlertDescription.UNSUPPORTED_CERTIFICATE, "unsupported curve " + oid.getId(), null));
    }

    private static RsaPrivateKey fromPkcs1(RSAPrivateKey k) throws CertificateParseException {
        if (k.getVersion().signum() != 0) {
            throw new CertificateParseException("multi-prime RSA keys are not supported");
        }
        return new RsaPrivateKey(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(),
                k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient());
    }

    private static EcPrivateKey fromSec1(ECPrivateKey sec1, NamedCurve curve) throws CertificateParseException {
        BigInteger d = sec1.getKey();
        if (d.signum() <= 0 || d.bitLength() > curve.fieldLength() * 8) {
            throw new CertificateParseException("EC private value out of range for " + curve);
        }
        return new EcPrivateKey(curve, d);
    }

    private static RSAPrivateKey pkcs1(RsaPrivateKey k) {
        return new RSAPrivateKey(k.modulus(), k.publicExponent(), k.privateExponent(), k.prime1(), k.prime2(),
                k.exponent1(), k.exponent2(), k.coefficient());
    }

    private static ECPrivateKey sec1(EcPrivateKey key, ASN1Encodable parameters) {
        EcPublicKey pub = (EcPublicKey) PublicKeyCrypto.defaultImplementation().publicKeyOf(key);
        return new ECPrivateKey(orderBits(key.curve()), key.privateValue(),
                new DERBitString(pub.encodedPoint()), parameters);
    }

    private static int orderBits(NamedCurve curve) {
        return switch (curve) {
            case SECP256R1 -> 256;
            case SECP384R1 -> 384;
            case SECP521R1 -> 521;
        };
    }
}
