package org.layeredtls.handshake.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.layeredtls.alert.Alert;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.RawPeer;

/**
 * Our {@code TlsSocket} as an HTTP/1.0 client that sends its request and its close_notify at once, before reading
 * the answer (as clients that half-close do), over a socket whose {@code close()} only shuts down output, so that
 * the TCP connection can be watched after the TLS layer is done: a server that closes its socket with our
 * close_notify still unread makes its kernel answer with a reset instead of FIN (issue 8: "the peer sees a reset").
 * A graceful server (item 1) reads until our close_notify, then closes: we see its close_notify, then FIN.
 */
final class CloseWatchingClient {

    /**
     * @param closeNotifyReceived whether our TLS layer saw the server's close_notify
     * @param end                 how the TCP connection ended after that: "eof", "reset (...)", "timeout"
     */
    record Result(boolean closeNotifyReceived, String end) {
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

    static Result getThenClose(int port) throws IOException {
        AtomicBoolean closeNotify = new AtomicBoolean();
        TlsObserver observer = new TlsObserver() {
            @Override
            public void alertReceived(Alert alert) {
                if (alert.isCloseNotify()) {
                    closeNotify.set(true);
                }
            }
        };
        HalfClosingSocket socket = new HalfClosingSocket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) RawPeer.BOUND.toMillis());
            socket.setSoTimeout((int) RawPeer.BOUND.toMillis());
            TlsSocket tls = TlsSocket.client(socket, HostilePki.client().observer(observer).build());
            tls.startHandshake();
            tls.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            tls.close(); // our close_notify now; then (bounded) the server's; then FIN
            String end;
            try {
                byte[] rest = new byte[4096];
                while (socket.getInputStream().read(rest) >= 0) {
                    // records our TLS layer left unread
                }
                end = "eof";
            } catch (SocketTimeoutException e) {
                end = "timeout";
            } catch (SocketException e) {
                end = "reset (" + e.getMessage() + ")";
            }
            return new Result(closeNotify.get(), end);
        } finally {
            socket.closeForReal();
        }
    }
}
