package org.layeredtls.crypto;

import java.util.Optional;

/**
 * The elliptic curves the stack signs and verifies with, by their SEC 2 names, their ASN.1 object
 * identifiers (RFC 5480 §2.1.1.1) and their TLS NamedCurve codes (RFC 4492 §5.1.1, RFC 8422).
 */
public enum NamedCurve {
    SECP256R1("1.2.840.10045.3.1.7", 23, 32),
    SECP384R1("1.3.132.0.34", 24, 48),
    SECP521R1("1.3.132.0.35", 25, 66);

    private final String oid;
    private final int tlsCode;
    private final int fieldLength;

    NamedCurve(String oid, int tlsCode, int fieldLength) {
        this.oid = oid;
        this.tlsCode = tlsCode;
        this.fieldLength = fieldLength;
    }

    /** The curve's object identifier in dotted form, as X.509 and SEC 1 name it. */
    public String oid() {
        return oid;
    }

    /** The curve's code in the TLS supported_groups (elliptic_curves) extension. */
    public int tlsCode() {
        return tlsCode;
    }

    /** The length of a field element in bytes (an uncompressed point is 1 + 2 * this). */
    public int fieldLength() {
        return fieldLength;
    }

    /** The curve with this object identifier, if the stack supports it. */
    public static Optional<NamedCurve> fromOid(String oid) {
        for (NamedCurve curve : values()) {
            if (curve.oid.equals(oid)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }
}
