package org.layeredtls.handshake.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.layeredtls.handshake.api.TlsSocket;

/**
 * Our {@code TlsSocket} as an HTTP client over a socket whose {@code close()} only shuts down output, so that the
 * TCP connection can be watched after the TLS layer is done with it: does the server wait for our close_notify
 * before it closes (issue 8 item 1, graceful close), and does the connection then end with FIN, not a reset?
 */
final class CloseWatchingClient {

    /** What happened, in order. */
    record Result(String page, boolean serverClosedBeforeOurCloseNotify, String endAfterOurCloseNotify) {
    }

    /** A socket that TlsSocket may "close": that only sends FIN; {@link #closeForReal()} closes it. */
    private static final class HalfClosingSocket extends Socket {
        @Override
        public synchronized void close() throws IOException {
            if (!isClosed() && !isOutputShutdown()) {
                shutdownOutput();
            }
        }

        void closeForReal() throws IOException {
            super.close();
        }
    }

    private CloseWatchingClient() {
    }

    /**
     * GET / over TLS; reads the page to the server's close_notify; then waits {@code patience} for the server's FIN
     * (a graceful server keeps the socket open until our close_notify); then sends our close_notify and reads the end.
     */
    static Result get(int port, Duration patience) throws IOException {
        HalfClosingSocket socket = new HalfClosingSocket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) RawPeer.BOUND.toMillis());
            socket.setSoTimeout((int) RawPeer.BOUND.toMillis());
            TlsSocket tls = TlsSocket.client(socket, HostilePki.client().build());
            tls.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            String page = new String(tls.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1); // to close_notify
            socket.setSoTimeout((int) patience.toMillis());
            boolean closedEarly;
            try {
                closedEarly = socket.getInputStream().read() < 0;
            } catch (SocketTimeoutException stillOpen) {
                closedEarly = false; // the server waits for our close_notify
            }
            tls.close(); // our close_notify, then FIN
            socket.setSoTimeout((int) RawPeer.BOUND.toMillis());
            String end;
            try {
                end = socket.getInputStream().read() < 0 ? "eof" : "data";
            } catch (SocketTimeoutException e) {
                end = "timeout";
            } catch (SocketException e) {
                end = "reset (" + e.getMessage() + ")";
            }
            return new Result(page, closedEarly, end);
        } finally {
            socket.closeForReal();
        }
    }
}
