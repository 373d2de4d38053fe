package org.layeredtls.handshake.cert;

import java.util.Objects;

/** One {@code -----BEGIN label----- ... -----END label-----} block of a PEM file (RFC 7468) and its DER bytes. */
public record PemBlock(String label, byte[] der) {

    public PemBlock {
        Objects.requireNonNull(label, "label");
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PemBlock that && label.equals(that.label) && java.util.Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + java.util.Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "PemBlock[" + label + ", " + der.length + " bytes]";
    }
}
