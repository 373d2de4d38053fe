package org.layeredtls.alert;

/**
 * An error found by this stack: it carries the alert that must be sent to the peer, the layer that
 * found the error, and a readable reason. Every parser and every check in the stack reports a
 * failure this way, never with a bare {@code RuntimeException}.
 *
 * <p>Whoever catches it at the top of a connection sends {@link #alert()} and closes the
 * transport (see {@link AlertProtocol#fail}).
 */
public class TlsAlertException extends TlsException {

    private static final long serialVersionUID = 1L;

    public TlsAlertException(AlertDescription description, TlsLayer layer, String reason) {
        this(description, layer, reason, null);
    }

    public TlsAlertException(AlertDescription description, TlsLayer layer, String reason, Throwable cause) {
        super(description, layer, layer + " layer: " + description.rfcName() + ": " + reason, cause);
    }

    /** The fatal alert to send for this error. */
    public Alert alert() {
        return Alert.fatal(description());
    }
}
