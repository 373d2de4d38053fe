package org.layeredtls.crypto;

import java.math.BigInteger;
import java.util.Objects;

/** An elliptic-curve private key: the curve and the secret scalar d (SEC 1 §3.2.1). */
public record EcPrivateKey(NamedCurve curve, BigInteger privateValue) implements PrivateKey {

    public EcPrivateKey {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(privateValue, "privateValue");
    }

    /** Never shows the secret scalar. */
    @Override
    public String toString() {
        return "EcPrivateKey[" + curve + "]";
    }
}
