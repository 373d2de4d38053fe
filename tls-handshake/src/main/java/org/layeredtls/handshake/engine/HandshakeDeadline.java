package org.layeredtls.handshake.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.OptionalLong;

/**
 * A socket's input, bounded in time while the engine runs a handshake ({@code TlsConfig.handshakeTimeout},
 * {@link TlsEngine#handshakeDeadline()}). Before each read it sets the socket's read timeout to what is
 * left of the handshake's time (or to the application's own {@code SO_TIMEOUT} when that is shorter,
 * which then fires as before), so a peer that trickles one byte at a time gains nothing. When the
 * time is up the engine fails the handshake ({@link TlsEngine#checkHandshakeTimeout}: a fatal
 * handshake_failure). The application's own timeout is put back after each read.
 */
final class HandshakeDeadline {

    private static final long NANOS_PER_MILLI = 1_000_000;

    private final InputStream in;
    private final Socket socket;
    private final TlsEngine engine;

    HandshakeDeadline(InputStream in, Socket socket, TlsEngine engine) {
        this.in = in;
        this.socket = socket;
        this.engine = engine;
    }

    int read(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
            OptionalLong deadline = engine.handshakeDeadline();
            if (deadline.isEmpty()) {
                return in.read(buffer, offset, length);
            }
            long now = System.nanoTime();
            engine.checkHandshakeTimeout(now); // throws once the time is up
            long leftMillis = Math.max(1, (deadline.getAsLong() - now + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
            int applicationTimeout = socket.getSoTimeout();
            boolean ours = applicationTimeout == 0 || leftMillis < applicationTimeout;
            socket.setSoTimeout(ours ? (int) Math.min(leftMillis, Integer.MAX_VALUE) : applicationTimeout);
            try {
                return in.read(buffer, offset, length);
            } catch (SocketTimeoutException timedOut) {
                if (!ours) {
                    throw timedOut; // the application's SO_TIMEOUT, shorter than ours: its business
                }
                // ours: the next turn finds the time up
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(applicationTimeout);
                }
            }
        }
    }
}
