package org.layeredtls.cwmp.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

import org.layeredtls.handshake.api.TlsSocket;

/**
 * The CPE's TCP socket, made so that the TLS closing handshake completes in both directions
 * (RFC 5246 §7.2.1). Closing a {@link TlsSocket} sends our close_notify and then closes the TCP
 * socket at once, so the peer's answering close_notify would never be read. Here the first
 * {@link #close()} only half-closes (our close_notify and FIN are out, the read side stays open);
 * {@link #finishClose} then reads until the peer's close_notify, bounded by a short timeout, and
 * really closes.
 */
final class ClosingSocket extends Socket {

    private volatile boolean closeForReal;

    @Override
    public synchronized void close() throws IOException {
        if (closeForReal || isClosed() || !isConnected()) {
            super.close();
            return;
        }
        try {
            if (!isOutputShutdown()) {
                shutdownOutput(); // TCP FIN after our close_notify; the peer's answer can still arrive
            }
        } catch (IOException alreadyReset) {
            super.close();
        }
    }

    /**
     * Reads what is left on {@code tls} (null: nothing to read) until the peer's close_notify (or end of stream, or
     * {@code timeoutMillis} without a record), then closes the TCP socket.
     */
    void finishClose(TlsSocket tls, int timeoutMillis) {
        try {
            if (tls != null && !isClosed()) {
                setSoTimeout(timeoutMillis);
                InputStream in = tls.getInputStream();
                byte[] discard = new byte[1024];
                for (int reads = 0; reads < 64 && in.read(discard, 0, discard.length) >= 0; reads++) {
                    // application data after our close_notify is discarded (RFC 5246 §7.2.1)
                }
            }
        } catch (IOException | RuntimeException peerSilentOrGone) {
            // the peer closed without close_notify or stayed silent: the connection ends anyway
        } finally {
            closeForReal = true;
            try {
                super.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
