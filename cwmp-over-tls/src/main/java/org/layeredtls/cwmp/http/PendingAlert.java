package org.layeredtls.cwmp.http;

import java.io.IOException;
import java.io.InputStream;

import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * The reason behind a write that failed below TLS (a reset, a broken pipe): the peer's fatal alert, if it sent
 * one before it closed. In TLS 1.3 a client's handshake is over once it has sent its Finished (RFC 8446 §2,
 * §4.4.4); a server that refuses the client's certificate answers after that, with an alert, and closes. The
 * client's first application write then fails (the server's TCP has reset the connection), while the alert
 * that says why is already in the client's receive buffer: reading it turns "broken pipe" into the refusal.
 */
final class PendingAlert {

    /** How long to wait for the alert's record: normally it is already in our receive buffer. */
    static final int WAIT_MILLIS = 2_000;
    /** Reads at most this many times: what comes before the alert is discarded, the connection is broken anyway. */
    private static final int MAX_READS = 64;

    private PendingAlert() {
    }

    /** The peer's fatal alert (with {@code writeFailure} kept as suppressed), else {@code writeFailure}. */
    static IOException explain(TlsSocket tls, IOException writeFailure) {
        if (writeFailure instanceof TlsException) {
            return writeFailure; // an alert already: ours or the peer's
        }
        try {
            tls.socket().setSoTimeout(WAIT_MILLIS);
            InputStream in = tls.getInputStream();
            byte[] discard = new byte[1024];
            for (int reads = 0; reads < MAX_READS && in.read(discard, 0, discard.length) >= 0; reads++) {
                // application data the peer sent before its alert: the exchange it belonged to has failed
            }
        } catch (TlsAlertReceivedException alert) {
            alert.addSuppressed(writeFailure);
            return alert;
        } catch (IOException | RuntimeException nothingToRead) {
            // no alert: the write failure is all there is to say
        }
        return writeFailure;
    }
}
