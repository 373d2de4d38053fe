package org.layeredtls.crypto;

/**
 * A signature algorithm and the hash it signs with. The TLS 1.2 code is
 * {@code (HashAlgorithm << 8) | SignatureAlgorithm} of RFC 5246 §7.4.1.4.1, or the RFC 8446
 * §4.2.3 code for RSA-PSS; {@link #RSA_PKCS1_MD5_SHA1} (TLS 1.0/1.1, RFC 4346 §7.4.3) has none.
 */
public enum SignatureScheme {
    /** RSA PKCS#1 v1.5 over the 36 bytes MD5(m) || SHA-1(m), with no DigestInfo (TLS 1.0/1.1). */
    RSA_PKCS1_MD5_SHA1(Kind.RSA_PKCS1, null, -1),
    RSA_PKCS1_SHA1(Kind.RSA_PKCS1, HashAlgorithm.SHA1, 0x0201),
    RSA_PKCS1_SHA256(Kind.RSA_PKCS1, HashAlgorithm.SHA256, 0x0401),
    RSA_PKCS1_SHA384(Kind.RSA_PKCS1, HashAlgorithm.SHA384, 0x0501),
    RSA_PKCS1_SHA512(Kind.RSA_PKCS1, HashAlgorithm.SHA512, 0x0601),
    /** RSASSA-PSS with an rsaEncryption key, MGF1 with the same hash, salt as long as the hash. */
    RSA_PSS_RSAE_SHA256(Kind.RSA_PSS, HashAlgorithm.SHA256, 0x0804),
    RSA_PSS_RSAE_SHA384(Kind.RSA_PSS, HashAlgorithm.SHA384, 0x0805),
    RSA_PSS_RSAE_SHA512(Kind.RSA_PSS, HashAlgorithm.SHA512, 0x0806),
    /** ECDSA; the signature is the DER SEQUENCE { r INTEGER, s INTEGER } (RFC 4492 §5.4). */
    ECDSA_SHA1(Kind.ECDSA, HashAlgorithm.SHA1, 0x0203),
    ECDSA_SHA256(Kind.ECDSA, HashAlgorithm.SHA256, 0x0403),
    ECDSA_SHA384(Kind.ECDSA, HashAlgorithm.SHA384, 0x0503),
    ECDSA_SHA512(Kind.ECDSA, HashAlgorithm.SHA512, 0x0603);

    /** The signature primitive. */
    public enum Kind { RSA_PKCS1, RSA_PSS, ECDSA }

    private final Kind kind;
    private final HashAlgorithm hash;
    private final int tlsCode;

    SignatureScheme(Kind kind, HashAlgorithm hash, int tlsCode) {
        this.kind = kind;
        this.hash = hash;
        this.tlsCode = tlsCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The hash, or {@code null} for {@link #RSA_PKCS1_MD5_SHA1}. */
    public HashAlgorithm hash() {
        return hash;
    }

    /** The length of the digest that {@link PublicKeyCrypto#signDigest} expects. */
    public int digestLength() {
        return hash == null ? 36 : hash.digestLength();
    }

    /** The two-byte TLS 1.2 code, or -1 where TLS 1.2 has none. */
    public int tlsCode() {
        return tlsCode;
    }

    /** Whether a key of this type can make or check this scheme's signatures. */
    public boolean fits(PublicKey key) {
        return kind == Kind.ECDSA ? key instanceof EcPublicKey : key instanceof RsaPublicKey;
    }
}
