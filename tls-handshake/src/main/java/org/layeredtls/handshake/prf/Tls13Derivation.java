package org.layeredtls.handshake.prf;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * The NSS key log labels of the TLS 1.3 secrets (the SSLKEYLOGFILE format Wireshark reads and
     * {@code openssl s_client -keylogfile} writes), by RFC 8446 name.
     */
    private static final Map<String, String> KEY_LOG_LABELS = Map.of(
            "client_early_traffic_secret", "CLIENT_EARLY_TRAFFIC_SECRET",
            "early_exporter_master_secret", "EARLY_EXPORTER_SECRET",
            "client_handshake_traffic_secret", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
            "server_handshake_traffic_secret", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
            "client_application_traffic_secret_0", "CLIENT_TRAFFIC_SECRET_0",
            "server_application_traffic_secret_0", "SERVER_TRAFFIC_SECRET_0",
            "exporter_master_secret", "EXPORTER_SECRET");

    public Tls13Derivation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(formula, "formula");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /**
     * The label of this secret in an NSS key log ({@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, ...),
     * for the secrets a key log carries; the stage secrets, binder and resumption secrets have none.
     */
    public Optional<String> keyLogLabel() {
        return Optional.ofNullable(KEY_LOG_LABELS.get(name));
    }

    /**
     * The NSS key log label of application_traffic_secret_N of one direction ({@code client}: the client's):
     * {@code CLIENT_TRAFFIC_SECRET_N} / {@code SERVER_TRAFFIC_SECRET_N}; N counts the KeyUpdates (RFC 8446 §7.2).
     */
    public static String applicationTrafficSecretLabel(boolean client, int generation) {
        if (generation < 0) {
            throw new IllegalArgumentException("a traffic secret's generation is not negative: " + generation);
        }
        return (client ? "CLIENT" : "SERVER") + "_TRAFFIC_SECRET_" + generation;
    }

    /** One line: name, formula, value in hex. */
    @Override
    public String toString() {
        return name + " = " + formula + " = " + HexFormat.of().formatHex(value);
    }
}
