package org.layeredtls.handshake.state;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * The socket's input, bounded in time while a handshake runs ({@code TlsConfig.handshakeTimeout}).
 * Before each read it sets the socket's read timeout to what is left of the handshake's time
 * (or to the application's own {@code SO_TIMEOUT} when that is shorter, which then fires as
 * before), so a peer that trickles one byte at a time gains nothing. When the handshake's time
 * is up, the read fails with a fatal {@code handshake_failure}: RFC 5246 §7.2.2 names it for a
 * sender "unable to negotiate an acceptable set of security parameters", which a handshake that
 * never completes is; it is fatal, so the half-made session can never be resumed, and it is what
 * the peer's logs should say. ({@code user_canceled} is a warning by definition and must be
 * followed by {@code close_notify}: it would look like an orderly close, which this is not.)
 *
 * <p>The application's own timeout is put back after each read.
 */
final class HandshakeDeadline extends FilterInputStream {

    private final Socket socket;
    private volatile long deadline; // System.nanoTime(); meaningful only while running
    private volatile boolean running;

    HandshakeDeadline(InputStream in, Socket socket) {
        super(in);
        this.socket = socket;
    }

    /** A handshake begins: it has {@code timeout} to complete. */
    void start(Duration timeout) {
        deadline = System.nanoTime() + timeout.toNanos();
        running = true;
    }

    /** The handshake completed, or was refused: reads are no longer bounded by it. */
    void stop() {
        running = false;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!running) {
            return in.read(buffer, offset, length);
        }
        int applicationTimeout = socket.getSoTimeout();
        long leftMillis = Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
        if (leftMillis == 0) {
            throw expired();
        }
        boolean ours = applicationTimeout == 0 || leftMillis < applicationTimeout;
        socket.setSoTimeout(ours ? (int) Math.min(leftMillis, Integer.MAX_VALUE) : applicationTimeout);
        try {
            return in.read(buffer, offset, length);
        } catch (SocketTimeoutException timedOut) {
            if (ours) {
                throw expired();
            }
            throw timedOut; // the application's SO_TIMEOUT, shorter than ours: its business
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(applicationTimeout);
            }
        }
    }

    private TlsAlertException expired() {
        return new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, TlsLayer.HANDSHAKE,
                "handshake timeout: the handshake did not complete in time (TlsConfig.handshakeTimeout)");
    }
}
