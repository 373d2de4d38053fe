package org.layeredtls.crypto;

/**
 * The asymmetric half of the crypto seam: signatures (RSA PKCS#1 v1.5, RSA-PSS, ECDSA), RSA
 * PKCS#1 v1.5 encryption for the RSA key exchange, and key-pair generation. Keys are the plain
 * {@link PublicKey} / {@link PrivateKey} values; {@link BouncyCastlePublicKeyCrypto} implements
 * it on BouncyCastle's lightweight API.
 *
 * <p>Verification never throws for a bad signature, a malformed signature or a key that does
 * not fit the scheme: it answers {@code false}. Signing throws {@link IllegalArgumentException}
 * when the key does not fit the scheme (a programming error of the caller).
 */
public interface PublicKeyCrypto {

    /** Hashes {@code message} with the scheme's hash (MD5 || SHA-1 for MD5_SHA1) and signs it. */
    byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] message, RandomSource random);

    /** Signs a digest computed by the caller ({@link SignatureScheme#digestLength()} bytes). */
    byte[] signDigest(SignatureScheme scheme, PrivateKey key, byte[] digest, RandomSource random);

    /** Whether {@code signature} is a valid signature of {@code message} under {@code key}. */
    boolean verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signature);

    /** Whether {@code signature} is a valid signature of a digest computed by the caller. */
    boolean verifyDigest(SignatureScheme scheme, PublicKey key, byte[] digest, byte[] signature);

    /**
     * RSASSA-PSS verification with an explicit salt length (RFC 8017 §8.1.2), for X.509
     * signatures whose RSASSA-PSS-params name a salt other than the hash length (RFC 4055 §3.1).
     * MGF1 uses the same hash.
     */
    boolean verifyRsaPss(HashAlgorithm hash, RsaPublicKey key, byte[] message, byte[] signature, int saltLength);

    /**
     * Hashes {@code message} with MD5 || SHA-1 (TLS 1.0/1.1) or with one hash; a convenience so
     * that callers build exactly the input {@link #signDigest} expects.
     */
    byte[] digest(SignatureScheme scheme, byte[] message);

    /** RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1); the result is as long as the modulus. */
    byte[] encryptPkcs1(RsaPublicKey key, byte[] message, RandomSource random);

    /**
     * RSAES-PKCS1-v1_5 decryption with the Bleichenbacher countermeasure built in (RFC 5246
     * §7.4.7.1). It never throws on a bad ciphertext and takes no branch that depends on the
     * padding: it returns the decrypted message if the ciphertext is exactly the modulus length,
     * the padding is well formed (00 02, at least 8 non-zero bytes, 00) and the message is exactly
     * {@code fallback.length} bytes long; otherwise it returns a copy of {@code fallback}. A TLS
     * server passes 48 fresh random bytes as {@code fallback}, then checks (or overwrites) the
     * version bytes of whatever comes back, and goes on either way: a wrong premaster secret only
     * shows as a failed Finished.
     */
    byte[] decryptPkcs1(RsaPrivateKey key, byte[] ciphertext, byte[] fallback);

    /** A new RSA key pair with public exponent 65537. */
    KeyPair generateRsaKeyPair(int modulusBits, RandomSource random);

    /** A new key pair on {@code curve}; the public point is uncompressed. */
    KeyPair generateEcKeyPair(NamedCurve curve, RandomSource random);

    /** The public key of a private key (for EC, d * G, uncompressed). */
    PublicKey publicKeyOf(PrivateKey key);

    /** Whether the key is usable: for EC, a point on its curve, not infinity; for RSA, an odd modulus and e > 1. */
    boolean isValidPublicKey(PublicKey key);

    /** The default implementation (BouncyCastle's lightweight API). */
    static PublicKeyCrypto defaultImplementation() {
        return BouncyCastlePublicKeyCrypto.INSTANCE;
    }
}
