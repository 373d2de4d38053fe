package org.layeredtls.crypto;

import java.math.BigInteger;
import java.util.Objects;

/** An RSA public key (RFC 8017 §3.1): the modulus n and the public exponent e. */
public record RsaPublicKey(BigInteger modulus, BigInteger publicExponent) implements PublicKey {

    public RsaPublicKey {
        Objects.requireNonNull(modulus, "modulus");
        Objects.requireNonNull(publicExponent, "publicExponent");
    }

    /** k, the length of the modulus in bytes: every signature and ciphertext is this long. */
    public int modulusLength() {
        return (modulus.bitLength() + 7) / 8;
    }

    @Override
    public String toString() {
        return "RsaPublicKey[" + modulus.bitLength() + " bits, e=" + publicExponent + "]";
    }
}
