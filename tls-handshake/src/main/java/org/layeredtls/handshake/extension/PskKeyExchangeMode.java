package org.layeredtls.handshake.extension;

import java.util.Optional;

/**
 * A PSK key exchange mode (RFC 8446 §4.2.9): {@code psk_ke(0)}, the PSK alone (no forward
 * secrecy), or {@code psk_dhe_ke(1)}, the PSK with an (EC)DHE exchange.
 */
public enum PskKeyExchangeMode {
    PSK_KE(0, "psk_ke"),
    PSK_DHE_KE(1, "psk_dhe_ke");

    private final int code;
    private final String rfcName;

    PskKeyExchangeMode(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The mode for a wire byte, if this stack knows it. */
    public static Optional<PskKeyExchangeMode> fromCode(int code) {
        for (PskKeyExchangeMode mode : values()) {
            if (mode.code == code) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }
}
