package org.layeredtls.handshake.extension;

import static org.layeredtls.handshake.extension.ExtensionMessage.CERTIFICATE_REQUEST;
import static org.layeredtls.handshake.extension.ExtensionMessage.CLIENT_HELLO;
import static org.layeredtls.handshake.extension.ExtensionMessage.ENCRYPTED_EXTENSIONS;
import static org.layeredtls.handshake.extension.ExtensionMessage.HELLO_RETRY_REQUEST;
import static org.layeredtls.handshake.extension.ExtensionMessage.NEW_SESSION_TICKET;
import static org.layeredtls.handshake.extension.ExtensionMessage.SERVER_HELLO;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The extension types this stack understands (IANA "TLS ExtensionType Values"). Any other code is
 * kept as it is in an {@link Extension}: RFC 5246 §7.4.1.4 lets a server ignore extensions it does
 * not recognise.
 *
 * <p>Each type also knows the TLS 1.3 messages it may appear in (the table of RFC 8446 §4.2): a
 * recognised extension in any other message is {@code illegal_parameter}. The extensions that
 * exist only up to TLS 1.2 are listed for the ClientHello alone, where a client that also offers
 * TLS 1.2 may send them.
 */
public enum ExtensionType {
    /** RFC 6066 §3. */
    SERVER_NAME(0, "server_name", CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
    /** RFC 6066 §4. */
    MAX_FRAGMENT_LENGTH(1, "max_fragment_length", CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
    /** RFC 8422 §5.1.1 (was elliptic_curves in RFC 4492). */
    SUPPORTED_GROUPS(10, "supported_groups", CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
    /** RFC 8422 §5.1.2; TLS 1.2 and earlier only, so in TLS 1.3 only a ClientHello (that also offers 1.2) carries it. */
    EC_POINT_FORMATS(11, "ec_point_formats", CLIENT_HELLO),
    /** RFC 5246 §7.4.1.4.1, RFC 8446 §4.2.3. */
    SIGNATURE_ALGORITHMS(13, "signature_algorithms", CLIENT_HELLO, CERTIFICATE_REQUEST),
    /** RFC 7301 §3.1. */
    APPLICATION_LAYER_PROTOCOL_NEGOTIATION(16, "application_layer_protocol_negotiation", CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
    /** RFC 7366 §2; TLS 1.2 and earlier only. */
    ENCRYPT_THEN_MAC(22, "encrypt_then_mac", CLIENT_HELLO),
    /** RFC 7627 §5.1; TLS 1.2 and earlier only. */
    EXTENDED_MASTER_SECRET(23, "extended_master_secret", CLIENT_HELLO),
    /** RFC 8449 §4: in TLS 1.3 the server's answer goes in EncryptedExtensions. */
    RECORD_SIZE_LIMIT(28, "record_size_limit", CLIENT_HELLO, ENCRYPTED_EXTENSIONS),
    /** RFC 5077 §3.2; TLS 1.2 and earlier only (TLS 1.3 tickets are NewSessionTicket messages). */
    SESSION_TICKET(35, "session_ticket", CLIENT_HELLO),
    /** RFC 8446 §4.2.11. */
    PRE_SHARED_KEY(41, "pre_shared_key", CLIENT_HELLO, SERVER_HELLO),
    /** RFC 8446 §4.2.10. */
    EARLY_DATA(42, "early_data", CLIENT_HELLO, ENCRYPTED_EXTENSIONS, NEW_SESSION_TICKET),
    /** RFC 8446 §4.2.1. */
    SUPPORTED_VERSIONS(43, "supported_versions", CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST),
    /** RFC 8446 §4.2.2. */
    COOKIE(44, "cookie", CLIENT_HELLO, HELLO_RETRY_REQUEST),
    /** RFC 8446 §4.2.9. */
    PSK_KEY_EXCHANGE_MODES(45, "psk_key_exchange_modes", CLIENT_HELLO),
    /** RFC 8446 §4.2.4. */
    CERTIFICATE_AUTHORITIES(47, "certificate_authorities", CLIENT_HELLO, CERTIFICATE_REQUEST),
    /** RFC 8446 §4.2.6. */
    POST_HANDSHAKE_AUTH(49, "post_handshake_auth", CLIENT_HELLO),
    /** RFC 8446 §4.2.3. */
    SIGNATURE_ALGORITHMS_CERT(50, "signature_algorithms_cert", CLIENT_HELLO, CERTIFICATE_REQUEST),
    /** RFC 8446 §4.2.8. */
    KEY_SHARE(51, "key_share", CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST),
    /** RFC 5746 §3.2; TLS 1.2 and earlier only (TLS 1.3 has no renegotiation). */
    RENEGOTIATION_INFO(0xFF01, "renegotiation_info", CLIENT_HELLO);

    private static final Map<Integer, ExtensionType> BY_CODE = new HashMap<>();

    static {
        for (ExtensionType type : values()) {
            BY_CODE.put(type.code, type);
        }
    }

    private final int code;
    private final String rfcName;
    private final Set<ExtensionMessage> tls13Messages;

    ExtensionType(int code, String rfcName, ExtensionMessage first, ExtensionMessage... rest) {
        this.code = code;
        this.rfcName = rfcName;
        this.tls13Messages = Collections.unmodifiableSet(EnumSet.of(first, rest));
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

    /** The TLS 1.3 messages this extension may appear in (RFC 8446 §4.2). */
    public Set<ExtensionMessage> tls13Messages() {
        return tls13Messages;
    }

    /** RFC 8446 §4.2: whether a TLS 1.3 {@code message} may carry this extension. */
    public boolean mayAppearIn(ExtensionMessage message) {
        return tls13Messages.contains(message);
    }
}
