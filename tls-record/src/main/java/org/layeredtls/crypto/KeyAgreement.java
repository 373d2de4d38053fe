package org.layeredtls.crypto;

/**
 * The key-agreement half of the crypto seam: elliptic-curve Diffie-Hellman on the NIST curves
 * (SEC 1 §3.3.1), X25519 (RFC 7748) and finite-field Diffie-Hellman, each with its key
 * generation. Every peer public value is validated before use and a bad one is a
 * {@link KeyAgreementException}; no other exception comes out of the agreement methods for any
 * peer input. {@link BouncyCastleKeyAgreement} implements it on BouncyCastle's lightweight API.
 */
public interface KeyAgreement {

    /** The length of an X25519 key or shared secret (RFC 7748 §5). */
    int X25519_LENGTH = 32;

    /** A new ECDH key pair on {@code curve}; the public point is uncompressed (04 || X || Y). */
    KeyPair generateEcKeyPair(NamedCurve curve, RandomSource random);

    /**
     * ECDH (SEC 1 §3.3.1): the x-coordinate of d·Q as exactly {@link NamedCurve#fieldLength()}
     * bytes. The peer point must be uncompressed ({@code 04 || X || Y}, exactly 1 + 2 × field
     * length bytes), with coordinates below p, on the curve and not the point at infinity
     * (SEC 1 §3.2.2.1 public key validation).
     */
    byte[] ecdh(EcPrivateKey privateKey, byte[] peerPoint) throws KeyAgreementException;

    /** A new X25519 private key: 32 random bytes, clamped (RFC 7748 §5). */
    byte[] generateX25519PrivateKey(RandomSource random);

    /** The X25519 public key of a private key: X25519(k, 9) (RFC 7748 §6.1). */
    byte[] x25519PublicKey(byte[] privateKey);

    /**
     * X25519(k, u) (RFC 7748 §5): the peer key must be 32 bytes; an all-zero result (a low-order
     * peer point) is refused, as RFC 7748 §6.1 allows and RFC 8422 §5.11 requires.
     */
    byte[] x25519(byte[] privateKey, byte[] peerPublicKey) throws KeyAgreementException;

    /**
     * A new DH key pair: a private exponent x of twice the group's security strength plus a
     * margin (RFC 7919 §5.2, NIST SP 800-57), never longer than p, and y = g^x mod p.
     */
    DhKeyPair generateDhKeyPair(DhParameters parameters, RandomSource random);

    /**
     * DH: Z = peerY^x mod p as an unsigned big-endian integer with its leading zero bytes
     * stripped (RFC 5246 §8.1.2). The peer value must satisfy 1 &lt; Y &lt; p-1, and Y^q = 1 when q
     * is known; Z = 1 is refused.
     */
    byte[] dh(DhKeyPair ours, java.math.BigInteger peerPublicValue) throws KeyAgreementException;

    /** The default implementation (BouncyCastle's lightweight API). */
    static KeyAgreement defaultImplementation() {
        return BouncyCastleKeyAgreement.INSTANCE;
    }
}
