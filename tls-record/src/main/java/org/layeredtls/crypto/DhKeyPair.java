package org.layeredtls.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A finite-field Diffie-Hellman key pair: the private exponent x and the public value
 * y = g^x mod p, over {@link DhParameters}.
 */
public record DhKeyPair(DhParameters parameters, BigInteger privateValue, BigInteger publicValue) {

    public DhKeyPair {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(privateValue, "privateValue");
        Objects.requireNonNull(publicValue, "publicValue");
    }

    /** Never shows the private exponent. */
    @Override
    public String toString() {
        return "DhKeyPair[" + parameters + ", y " + publicValue.bitLength() + " bits]";
    }
}
