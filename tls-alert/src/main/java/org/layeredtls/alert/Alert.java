package org.layeredtls.alert;

/**
 * The Alert message (RFC 5246 §7.2): exactly two bytes, a level and a description.
 *
 * <pre>
 * struct {
 *     AlertLevel level;              // 1 byte: warning(1), fatal(2)
 *     AlertDescription description;  // 1 byte
 * } Alert;
 * </pre>
 */
public record Alert(AlertLevel level, AlertDescription description) {

    /** The length of an alert on the wire: always two bytes. */
    public static final int LENGTH = 2;

    public Alert {
        if (level == null || description == null) {
            throw new NullPointerException("an alert has a level and a description");
        }
    }

    /** A fatal alert with the given description. */
    public static Alert fatal(AlertDescription description) {
        return new Alert(AlertLevel.FATAL, description);
    }

    /** A warning alert with the given description. */
    public static Alert warning(AlertDescription description) {
        return new Alert(AlertLevel.WARNING, description);
    }

    /** The {@code close_notify} warning that ends one direction of a connection (RFC 5246 §7.2.1). */
    public static Alert closeNotify() {
        return warning(AlertDescription.CLOSE_NOTIFY);
    }

    /** Whether this is {@code close_notify}, the orderly end of the sender's direction. */
    public boolean isCloseNotify() {
        return description.equals(AlertDescription.CLOSE_NOTIFY);
    }

    /**
     * Decodes one alert from the whole content of an alert record.
     *
     * @throws TlsAlertException {@code decode_error} unless the content is exactly two bytes;
     *         {@code illegal_parameter} for a level other than warning or fatal
     */
    public static Alert decode(byte[] content) throws TlsAlertException {
        if (content.length != LENGTH) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, TlsLayer.ALERT,
                    "an alert is exactly 2 bytes, this one has " + content.length);
        }
        AlertLevel level = AlertLevel.fromCode(content[0] & 0xFF);
        return new Alert(level, AlertDescription.fromCode(content[1] & 0xFF));
    }

    /** The two wire bytes. */
    public byte[] encode() {
        return new byte[] {(byte) level.code(), (byte) description.code()};
    }

    @Override
    public String toString() {
        return level + " " + description;
    }
}
