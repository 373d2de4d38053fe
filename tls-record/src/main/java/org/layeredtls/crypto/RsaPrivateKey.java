package org.layeredtls.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An RSA private key in the Chinese-remainder form of RFC 8017 §3.2 (and of PKCS#1's
 * RSAPrivateKey structure): n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p.
 */
public record RsaPrivateKey(BigInteger modulus, BigInteger publicExponent, BigInteger privateExponent,
                            BigInteger prime1, BigInteger prime2, BigInteger exponent1,
                            BigInteger exponent2, BigInteger coefficient) implements PrivateKey {

    public RsaPrivateKey {
        Objects.requireNonNull(modulus, "modulus");
        Objects.requireNonNull(publicExponent, "publicExponent");
        Objects.requireNonNull(privateExponent, "privateExponent");
        Objects.requireNonNull(prime1, "prime1");
        Objects.requireNonNull(prime2, "prime2");
        Objects.requireNonNull(exponent1, "exponent1");
        Objects.requireNonNull(exponent2, "exponent2");
        Objects.requireNonNull(coefficient, "coefficient");
    }

    /** k, the length of the modulus in bytes. */
    public int modulusLength() {
        return (modulus.bitLength() + 7) / 8;
    }

    /** The matching public key. */
    public RsaPublicKey publicKey() {
        return new RsaPublicKey(modulus, publicExponent);
    }

    /** Never shows the secret parts. */
    @Override
    public String toString() {
        return "RsaPrivateKey[" + modulus.bitLength() + " bits]";
    }
}
