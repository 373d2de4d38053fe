package org.layeredtls.handshake.message;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * The first byte of every handshake message (RFC 5246 §7.4; RFC 5077 §3.3 for new_session_ticket;
 * RFC 8446 §4 for the TLS 1.3 ones). TLS 1.3 drops hello_request, server_key_exchange,
 * server_hello_done and client_key_exchange, and adds end_of_early_data, encrypted_extensions,
 * key_update and the synthetic message_hash, which only ever appears in the transcript.
 */
public enum HandshakeType {
    HELLO_REQUEST(0, "hello_request"),
    CLIENT_HELLO(1, "client_hello"),
    SERVER_HELLO(2, "server_hello"),
    NEW_SESSION_TICKET(4, "new_session_ticket"),
    /** RFC 8446 §4.5. */
    END_OF_EARLY_DATA(5, "end_of_early_data"),
    /** RFC 8446 §4.3.1. */
    ENCRYPTED_EXTENSIONS(8, "encrypted_extensions"),
    CERTIFICATE(11, "certificate"),
    SERVER_KEY_EXCHANGE(12, "server_key_exchange"),
    CERTIFICATE_REQUEST(13, "certificate_request"),
    SERVER_HELLO_DONE(14, "server_hello_done"),
    CERTIFICATE_VERIFY(15, "certificate_verify"),
    CLIENT_KEY_EXCHANGE(16, "client_key_exchange"),
    FINISHED(20, "finished"),
    /** RFC 8446 §4.6.3. */
    KEY_UPDATE(24, "key_update"),
    /** RFC 8446 §4.4.1: stands for ClientHello1 in the transcript after a HelloRetryRequest; never sent. */
    MESSAGE_HASH(254, "message_hash");

    private static final HandshakeType[] BY_CODE = new HandshakeType[256];

    static {
        for (HandshakeType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final String rfcName;

    HandshakeType(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /**
     * The type for a wire byte. A type this stack does not know cannot be a message it expects:
     * {@code unexpected_message} (RFC 5246 §7.4: messages must come in the order the protocol
     * says; one that fits no state is unexpected).
     */
    public static HandshakeType fromCode(int code) throws TlsAlertException {
        HandshakeType type = code >= 0 && code < 256 ? BY_CODE[code] : null;
        if (type == null) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.HANDSHAKE,
                    "unknown handshake message type " + code);
        }
        return type;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The RFC's name, such as {@code server_hello_done}. */
    public String rfcName() {
        return rfcName;
    }
}
