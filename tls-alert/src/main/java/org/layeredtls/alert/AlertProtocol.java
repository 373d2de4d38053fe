package org.layeredtls.alert;

import java.io.IOException;

/**
 * The rules of the Alert protocol (RFC 5246 §7.2) for one connection:
 * <ul>
 *   <li>a fatal alert, sent or received, closes the connection at once and invalidates the
 *       session: no more data is sent or accepted;</li>
 *   <li>{@code close_notify} ends the sender's direction: once received, reads return end of
 *       stream; it is answered with a {@code close_notify} of our own and the transport is
 *       closed (§7.2.1);</li>
 *   <li>any other warning is reported to the observer and the connection goes on.</li>
 * </ul>
 *
 * <p>Once TLS 1.3 is negotiated, {@link #followTls13Rules()} switches to RFC 8446 §6
 * ({@link Tls13AlertRules}): every alert but close_notify and user_canceled is fatal whatever its level;
 * close_notify closes the peer's direction only (no close_notify is sent back by itself, the transport
 * closes once both directions are closed); user_canceled is reported and closes nothing.
 *
 * <p>Typical use at the top of a connection: {@code catch (TlsAlertException e) { throw alerts.fail(e); }}.
 */
public final class AlertProtocol {

    private final AlertTransport transport;
    private final Runnable invalidateSession;
    private final AlertObserver observer;

    private boolean tls13;
    private boolean closeNotifySent;
    private boolean closeNotifyReceived;
    private Alert fatalAlert;

    /**
     * @param transport         where alerts are written (the record layer)
     * @param invalidateSession called once when a fatal alert is sent or received (RFC 5246 §7.2.2:
     *                          the session must not be resumed)
     * @param observer          told of every alert sent and received
     */
    public AlertProtocol(AlertTransport transport, Runnable invalidateSession, AlertObserver observer) {
        this.transport = transport;
        this.invalidateSession = invalidateSession;
        this.observer = observer == null ? AlertObserver.NONE : observer;
    }

    /** From now on, the TLS 1.3 rules (RFC 8446 §6): for the handshake to call once it negotiates TLS 1.3. */
    public void followTls13Rules() {
        this.tls13 = true;
    }

    /** Whether the TLS 1.3 rules apply. */
    public boolean followsTls13Rules() {
        return tls13;
    }

    /**
     * Handles the content of one received alert record.
     *
     * @return the alert, when the connection goes on (a warning) or the peer closed its direction
     *         ({@code close_notify}; see {@link #isInboundClosed()})
     * @throws TlsAlertReceivedException the peer sent a fatal alert: the connection is closed
     * @throws TlsAlertException         the record was not a valid alert: the fatal alert has
     *                                   been sent and the connection closed
     */
    public Alert receive(byte[] content) throws TlsException {
        Alert alert;
        try {
            alert = Alert.decode(content);
        } catch (TlsAlertException e) {
            throw fail(e);
        }
        observer.alertReceived(alert);
        if (tls13) {
            return receiveUnderTls13(alert);
        }
        if (alert.level() == AlertLevel.FATAL) {
            fatalAlert = alert;
            invalidateSession.run();
            closeQuietly();
            throw new TlsAlertReceivedException(alert);
        }
        if (alert.isCloseNotify()) {
            closeNotifyReceived = true;
            // RFC 5246 §7.2.1: respond with a close_notify of our own and close down the connection.
            try {
                sendCloseNotify();
            } catch (IOException peerAlreadyGone) {
                // The peer may close its socket right after its close_notify: nothing is lost.
            }
            closeQuietly();
        }
        return alert;
    }

    /** RFC 8446 §6: the level is ignored; the description alone says what the alert does. */
    private Alert receiveUnderTls13(Alert alert) throws TlsAlertReceivedException {
        switch (Tls13AlertRules.effectOf(alert)) {
            case ENDS_CONNECTION -> {
                fatalAlert = alert;
                invalidateSession.run();
                closeQuietly();
                throw new TlsAlertReceivedException(alert);
            }
            case CLOSES_PEER_WRITE_SIDE -> {
                // RFC 8446 §6.1: "This does not have any effect on its read side of the connection" (the
                // sender's); our write side stays open, no close_notify is owed at once.
                closeNotifyReceived = true;
                if (closeNotifySent) {
                    closeQuietly();
                }
            }
            case CANCELS_HANDSHAKE -> {
                // RFC 8446 §6.1: user_canceled "SHOULD be followed by a close_notify"; nothing closes yet
            }
        }
        return alert;
    }

    /** Sends a warning alert; the connection goes on. */
    public void sendWarning(AlertDescription description) throws IOException {
        requireOpen();
        send(Alert.warning(description));
    }

    /**
     * Sends {@code close_notify} once, ending our direction. Sending it a second time, or after a
     * fatal alert, does nothing.
     */
    public void sendCloseNotify() throws IOException {
        if (closeNotifySent || fatalAlert != null) {
            return;
        }
        closeNotifySent = true;
        send(Alert.closeNotify());
        if (tls13 && closeNotifyReceived) { // both directions closed (RFC 8446 §6.1)
            closeQuietly();
        }
    }

    /**
     * Ends the connection because of an error found here: sends the fatal alert the error names
     * (once; a failure to send it is ignored, the connection is going down anyway), invalidates
     * the session and closes the transport.
     *
     * @return the same exception, for {@code throw alerts.fail(e)}
     */
    public TlsAlertException fail(TlsAlertException error) {
        if (fatalAlert == null) {
            fatalAlert = error.alert();
            invalidateSession.run();
            try {
                send(fatalAlert);
            } catch (IOException sendFailed) {
                error.addSuppressed(sendFailed);
            }
            closeQuietly();
        }
        return error;
    }

    /** Whether the peer has sent {@code close_notify}: reads return end of stream. */
    public boolean isInboundClosed() {
        return closeNotifyReceived || fatalAlert != null;
    }

    /** Whether we have sent {@code close_notify} or a fatal alert: nothing more may be written. */
    public boolean isOutboundClosed() {
        return closeNotifySent || fatalAlert != null;
    }

    /** The fatal alert that ended the connection, sent or received, or {@code null}. */
    public Alert fatalAlert() {
        return fatalAlert;
    }

    private void requireOpen() throws IOException {
        if (isOutboundClosed()) {
            throw new IOException("alert layer: the connection is closed for writing");
        }
    }

    private void send(Alert alert) throws IOException {
        transport.writeAlertRecord(alert.encode());
        observer.alertSent(alert);
    }

    private void closeQuietly() {
        try {
            transport.closeTransport();
        } catch (IOException ignored) {
            // The connection is ending; there is nobody left to tell.
        }
    }
}
