package org.layeredtls.handshake.prf;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One value the TLS 1.3 key schedule derived, as RFC 8446 §7.1 names it: for example
 * {@code client_handshake_traffic_secret}, derived by
 * {@code Derive-Secret(., "c hs traffic", Transcript-Hash ...)}. The teaching view of
 * {@link Tls13KeySchedule#setListener}.
 *
 * @param name    the RFC's name of the value ("Early Secret", "binder_key", ...)
 * @param formula how it was derived, with the RFC's label
 * @param value   the bytes derived
 */
public record Tls13Derivation(String name, String formula, byte[] value) {

    public Tls13Derivation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(formula, "formula");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** One line: name, formula, value in hex. */
    @Override
    public String toString() {
        return name + " = " + formula + " = " + HexFormat.of().formatHex(value);
    }
}
