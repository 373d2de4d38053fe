package org.layeredtls.record;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * The higher-level protocol a record carries (RFC 5246 §6.2.1). The record layer never mixes two
 * content types in one record.
 */
public enum ContentType {
    CHANGE_CIPHER_SPEC(20),
    ALERT(21),
    HANDSHAKE(22),
    APPLICATION_DATA(23);

    private final int code;

    ContentType(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /**
     * The content type for a wire byte.
     *
     * @throws TlsAlertException {@code unexpected_message} for any other byte (RFC 5246 §6: "If a
     *         TLS implementation receives an unexpected record type, it MUST send an
     *         unexpected_message alert")
     */
    public static ContentType fromCode(int code) throws TlsAlertException {
        return switch (code) {
            case 20 -> CHANGE_CIPHER_SPEC;
            case 21 -> ALERT;
            case 22 -> HANDSHAKE;
            case 23 -> APPLICATION_DATA;
            default -> throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                    "unknown record content type " + code);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
