package org.layeredtls.handshake.extension;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key exchange groups this stack names (RFC 8422 §5.1.1 for the curves, RFC 7919 §2 for the
 * finite-field groups). Other codes are kept as plain {@code int}s by {@link SupportedGroups} and
 * by ServerKeyExchange: a server ignores groups it does not know.
 */
public enum NamedGroup {
    SECP256R1(23, "secp256r1"),
    SECP384R1(24, "secp384r1"),
    SECP521R1(25, "secp521r1"),
    X25519(29, "x25519"),
    X448(30, "x448"),
    FFDHE2048(256, "ffdhe2048"),
    FFDHE3072(257, "ffdhe3072"),
    FFDHE4096(258, "ffdhe4096"),
    FFDHE6144(259, "ffdhe6144"),
    FFDHE8192(260, "ffdhe8192"),
    X25519MLKEM768(0x11EC, "X25519MLKEM768");

    private static final Map<Integer, NamedGroup> BY_CODE = new HashMap<>();

    static {
        for (NamedGroup group : values()) {
            BY_CODE.put(group.code, group);
        }
    }

    private final int code;
    private final String rfcName;

    NamedGroup(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The group for a wire code, if this stack knows it. */
    public static Optional<NamedGroup> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }

    /**
     * Whether the group exists in TLS 1.3 only: the hybrid X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem §1: defined
     * for TLS 1.3), which a TLS 1.2-only ClientHello does not offer and TLS 1.2 ECDHE never uses.
     */
    public boolean isTls13Only() {
        return this == X25519MLKEM768;
    }

    /** Whether this is an elliptic curve (RFC 8422) rather than a finite-field group (RFC 7919). */
    public boolean isEllipticCurve() {
        return code < 256;
    }
}
