package org.layeredtls.handshake.extension;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The extension types this stack understands (IANA "TLS ExtensionType Values"). Any other code is
 * kept as it is in an {@link Extension}: RFC 5246 §7.4.1.4 lets a server ignore extensions it does
 * not recognise.
 */
public enum ExtensionType {
    /** RFC 6066 §3. */
    SERVER_NAME(0, "server_name"),
    /** RFC 6066 §4. */
    MAX_FRAGMENT_LENGTH(1, "max_fragment_length"),
    /** RFC 8422 §5.1.1 (was elliptic_curves in RFC 4492). */
    SUPPORTED_GROUPS(10, "supported_groups"),
    /** RFC 8422 §5.1.2. */
    EC_POINT_FORMATS(11, "ec_point_formats"),
    /** RFC 5246 §7.4.1.4.1. */
    SIGNATURE_ALGORITHMS(13, "signature_algorithms"),
    /** RFC 7301 §3.1. */
    APPLICATION_LAYER_PROTOCOL_NEGOTIATION(16, "application_layer_protocol_negotiation"),
    /** RFC 7366 §2. */
    ENCRYPT_THEN_MAC(22, "encrypt_then_mac"),
    /** RFC 7627 §5.1. */
    EXTENDED_MASTER_SECRET(23, "extended_master_secret"),
    /** RFC 8449 §4. */
    RECORD_SIZE_LIMIT(28, "record_size_limit"),
    /** RFC 5077 §3.2. */
    SESSION_TICKET(35, "session_ticket"),
    /** RFC 5746 §3.2. */
    RENEGOTIATION_INFO(0xFF01, "renegotiation_info");

    private static final Map<Integer, ExtensionType> BY_CODE = new HashMap<>();

    static {
        for (ExtensionType type : values()) {
            BY_CODE.put(type.code, type);
        }
    }

    private final int code;
    private final String rfcName;

    ExtensionType(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The type for a wire code, or empty for a code this stack does not know. */
    public static Optional<ExtensionType> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The name of a code as a trace prints it: the RFC name, or {@code unknown(N)}. */
    public static String nameOf(int code) {
        ExtensionType type = BY_CODE.get(code);
        return type != null ? type.rfcName : "unknown(" + code + ")";
    }

    /** The two bytes on the wire. */
    public int code() {
        return code;
    }

    /** The RFC's name, such as {@code renegotiation_info}. */
    public String rfcName() {
        return rfcName;
    }
}
