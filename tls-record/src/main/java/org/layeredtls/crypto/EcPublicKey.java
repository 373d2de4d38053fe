package org.layeredtls.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An elliptic-curve public key: the curve and the point as SEC 1 §2.3.3 encodes it (an
 * uncompressed point is {@code 04 || X || Y}). Whether the point is on the curve is checked by
 * {@link PublicKeyCrypto#isValidPublicKey} and before every use.
 */
public record EcPublicKey(NamedCurve curve, byte[] encodedPoint) implements PublicKey {

    public EcPublicKey {
        Objects.requireNonNull(curve, "curve");
        encodedPoint = encodedPoint.clone();
    }

    @Override
    public byte[] encodedPoint() {
        return encodedPoint.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EcPublicKey that && curve == that.curve
                && Arrays.equals(encodedPoint, that.encodedPoint);
    }

    @Override
    public int hashCode() {
        return 31 * curve.hashCode() + Arrays.hashCode(encodedPoint);
    }

    @Override
    public String toString() {
        return "EcPublicKey[" + curve + ", " + HexFormat.of().formatHex(encodedPoint) + "]";
    }
}
