package org.layeredtls.alert;

/**
 * The first byte of an alert (RFC 5246 §7.2): how serious it is.
 *
 * <p>A {@link #FATAL} alert ends the connection at once and invalidates the session; a
 * {@link #WARNING} is reported and the connection goes on (except {@code close_notify}, which
 * ends the sender's direction).
 */
public enum AlertLevel {
    WARNING(1),
    FATAL(2);

    private final int code;

    AlertLevel(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /**
     * The level for a wire byte.
     *
     * @throws TlsAlertException {@code illegal_parameter} for a level other than 1 or 2
     */
    public static AlertLevel fromCode(int code) throws TlsAlertException {
        return switch (code) {
            case 1 -> WARNING;
            case 2 -> FATAL;
            default -> throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, TlsLayer.ALERT,
                    "alert level " + code + " is neither warning (1) nor fatal (2)");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
