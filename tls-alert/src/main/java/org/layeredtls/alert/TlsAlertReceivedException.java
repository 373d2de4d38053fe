package org.layeredtls.alert;

/**
 * The peer sent a fatal alert: the connection is closed and its session invalidated
 * (RFC 5246 §7.2.2). Nothing is sent back.
 */
public class TlsAlertReceivedException extends TlsException {

    private static final long serialVersionUID = 1L;

    private final Alert alert;

    public TlsAlertReceivedException(Alert alert) {
        super(alert.description(), TlsLayer.ALERT, "alert layer: the peer sent " + alert, null);
        this.alert = alert;
    }

    /** The alert the peer sent. */
    public Alert alert() {
        return alert;
    }
}
