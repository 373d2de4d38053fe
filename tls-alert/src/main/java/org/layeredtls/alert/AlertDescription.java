package org.layeredtls.alert;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The second byte of an alert: what went wrong (RFC 5246 §7.2, with the codes added by RFC 6066,
 * RFC 7301, RFC 7507 and RFC 8446).
 *
 * <p>The RFCs never forbid a peer from sending a code this stack does not know, so an unknown code
 * is kept as it is ({@code unknown(N)}) instead of being rejected: a fatal alert with an unknown
 * description still ends the connection. That is why this is a small value class with named
 * constants rather than an {@code enum}.
 */
public final class AlertDescription {

    private static final Map<Integer, AlertDescription> KNOWN = new LinkedHashMap<>();

    // RFC 5246 §7.2
    public static final AlertDescription CLOSE_NOTIFY = known(0, "close_notify");
    public static final AlertDescription UNEXPECTED_MESSAGE = known(10, "unexpected_message");
    public static final AlertDescription BAD_RECORD_MAC = known(20, "bad_record_mac");
    /** Used by SSL 3.0/TLS 1.0 implementations only; TLS 1.1+ MUST NOT send it (Vaudenay). */
    public static final AlertDescription DECRYPTION_FAILED_RESERVED = known(21, "decryption_failed_RESERVED");
    public static final AlertDescription RECORD_OVERFLOW = known(22, "record_overflow");
    public static final AlertDescription DECOMPRESSION_FAILURE = known(30, "decompression_failure");
    public static final AlertDescription HANDSHAKE_FAILURE = known(40, "handshake_failure");
    /** SSL 3.0 only: a client without a suitable certificate (RFC 6101 §5.4.2). */
    public static final AlertDescription NO_CERTIFICATE_RESERVED = known(41, "no_certificate_RESERVED");
    public static final AlertDescription BAD_CERTIFICATE = known(42, "bad_certificate");
    public static final AlertDescription UNSUPPORTED_CERTIFICATE = known(43, "unsupported_certificate");
    public static final AlertDescription CERTIFICATE_REVOKED = known(44, "certificate_revoked");
    public static final AlertDescription CERTIFICATE_EXPIRED = known(45, "certificate_expired");
    public static final AlertDescription CERTIFICATE_UNKNOWN = known(46, "certificate_unknown");
    public static final AlertDescription ILLEGAL_PARAMETER = known(47, "illegal_parameter");
    public static final AlertDescription UNKNOWN_CA = known(48, "unknown_ca");
    public static final AlertDescription ACCESS_DENIED = known(49, "access_denied");
    public static final AlertDescription DECODE_ERROR = known(50, "decode_error");
    public static final AlertDescription DECRYPT_ERROR = known(51, "decrypt_error");
    public static final AlertDescription EXPORT_RESTRICTION_RESERVED = known(60, "export_restriction_RESERVED");
    public static final AlertDescription PROTOCOL_VERSION = known(70, "protocol_version");
    public static final AlertDescription INSUFFICIENT_SECURITY = known(71, "insufficient_security");
    public static final AlertDescription INTERNAL_ERROR = known(80, "internal_error");
    // RFC 7507 §2
    public static final AlertDescription INAPPROPRIATE_FALLBACK = known(86, "inappropriate_fallback");
    public static final AlertDescription USER_CANCELED = known(90, "user_canceled");
    public static final AlertDescription NO_RENEGOTIATION = known(100, "no_renegotiation");
    // RFC 8446 §6
    public static final AlertDescription MISSING_EXTENSION = known(109, "missing_extension");
    public static final AlertDescription UNSUPPORTED_EXTENSION = known(110, "unsupported_extension");
    // RFC 6066 §9
    public static final AlertDescription CERTIFICATE_UNOBTAINABLE = known(111, "certificate_unobtainable");
    public static final AlertDescription UNRECOGNIZED_NAME = known(112, "unrecognized_name");
    public static final AlertDescription BAD_CERTIFICATE_STATUS_RESPONSE = known(113, "bad_certificate_status_response");
    public static final AlertDescription BAD_CERTIFICATE_HASH_VALUE = known(114, "bad_certificate_hash_value");
    // RFC 4279 §2, RFC 8446 §6
    public static final AlertDescription UNKNOWN_PSK_IDENTITY = known(115, "unknown_psk_identity");
    public static final AlertDescription CERTIFICATE_REQUIRED = known(116, "certificate_required");
    // RFC 7301 §3.2
    public static final AlertDescription NO_APPLICATION_PROTOCOL = known(120, "no_application_protocol");

    private final int code;
    private final String name;

    private AlertDescription(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static AlertDescription known(int code, String name) {
        AlertDescription description = new AlertDescription(code, name);
        KNOWN.put(code, description);
        return description;
    }

    /** The description for a wire byte: a named constant, or an {@code unknown(N)} value. */
    public static AlertDescription fromCode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("an alert description is one byte, not " + code);
        }
        AlertDescription description = KNOWN.get(code);
        return description != null ? description : new AlertDescription(code, "unknown(" + code + ")");
    }

    /** Every description this stack knows by name, in code order. */
    public static Collection<AlertDescription> knownValues() {
        return Collections.unmodifiableCollection(KNOWN.values());
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The RFC's name, such as {@code bad_record_mac}. */
    public String rfcName() {
        return name;
    }

    /** Whether this code is one the RFCs define. */
    public boolean isKnown() {
        return KNOWN.get(code) == this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlertDescription that && that.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
