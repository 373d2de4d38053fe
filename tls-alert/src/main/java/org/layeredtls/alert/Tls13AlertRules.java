package org.layeredtls.alert;

/**
 * The Alert protocol's rules in TLS 1.3 (RFC 8446 §6), for the handshake layer to ask. What changed
 * from TLS 1.2 (RFC 5246 §7.2):
 *
 * <ul>
 *   <li><b>The level no longer decides.</b> "In TLS 1.3, the severity is implicit in the type of alert
 *       being sent, and the 'level' field can safely be ignored" (§6). Every alert but the two closure
 *       alerts is an error alert: fatal, whatever level it arrives with, and so is an alert nobody
 *       defined ("Unknown Alert types MUST be treated as error alerts"). Error alerts are sent with
 *       level fatal.</li>
 *   <li><b>close_notify closes one direction only.</b> The sender "will not send any more messages";
 *       the receiver's own write side stays open, and it is no longer required to answer at once with
 *       a close_notify of its own (§6.1: the old rule "could cause truncation in the read side").</li>
 *   <li><b>user_canceled</b> is a closure alert too (warning level): the sender is cancelling the
 *       handshake for a reason that is not a protocol failure. It closes nothing by itself; it
 *       "SHOULD be followed by a close_notify" (§6.1).</li>
 *   <li>Alerts are encrypted like any record once the handshake keys are installed (the record layer
 *       does that: an alert is a TLSInnerPlaintext of type alert).</li>
 * </ul>
 */
public final class Tls13AlertRules {

    /** What receiving an alert does to a TLS 1.3 connection (RFC 8446 §6). */
    public enum Effect {
        /** close_notify: the peer's write side, our read side, is over; we may still write (§6.1). */
        CLOSES_PEER_WRITE_SIDE,
        /** user_canceled: reported; nothing closes yet, a close_notify should follow (§6.1). */
        CANCELS_HANDSHAKE,
        /** Every other alert: an error alert, the connection ends at once (§6, §6.2). */
        ENDS_CONNECTION
    }

    private Tls13AlertRules() {
    }

    /** RFC 8446 §6.1: close_notify and user_canceled are the closure alerts; all others are error alerts. */
    public static boolean isClosureAlert(AlertDescription description) {
        return description.equals(AlertDescription.CLOSE_NOTIFY) || description.equals(AlertDescription.USER_CANCELED);
    }

    /**
     * Whether an alert is fatal in TLS 1.3: every error alert, whatever its level says; never a closure
     * alert (RFC 8446 §6: "MUST be treated as error alerts when received regardless of the AlertLevel").
     */
    public static boolean isFatal(Alert alert) {
        return !isClosureAlert(alert.description());
    }

    /** Whether receiving {@code alert} ends the whole connection (both directions) at once. */
    public static boolean closesConnection(Alert alert) {
        return effectOf(alert) == Effect.ENDS_CONNECTION;
    }

    /** What receiving {@code alert} does. */
    public static Effect effectOf(Alert alert) {
        if (alert.isCloseNotify()) {
            return Effect.CLOSES_PEER_WRITE_SIDE;
        }
        return alert.description().equals(AlertDescription.USER_CANCELED) ? Effect.CANCELS_HANDSHAKE
                : Effect.ENDS_CONNECTION;
    }

    /**
     * The alert to send for a description, with the level TLS 1.3 asks for: warning for the closure
     * alerts (as every implementation sends them), fatal for every error alert (§6: "All the alerts
     * listed in Section 6.2 MUST be sent with AlertLevel=fatal").
     */
    public static Alert toSend(AlertDescription description) {
        return isClosureAlert(description) ? Alert.warning(description) : Alert.fatal(description);
    }
}
