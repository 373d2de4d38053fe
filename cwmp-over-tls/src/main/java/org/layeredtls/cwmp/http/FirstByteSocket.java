package org.layeredtls.cwmp.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * An accepted TCP socket that can wait for the peer's first byte before TLS starts, and give that byte
 * back to whoever reads next (the TLS record layer). It lets the ACS tell a connection that closes before
 * it sent anything (a port probe, a health check, a CPE simulator's reachability test) from a TLS client:
 * such a connection is closed silently, with no alert and no close_notify, as nginx does by peeking at
 * the socket before its TLS handshake; there is nothing to protect and nobody to tell.
 */
final class FirstByteSocket extends Socket {

    private int peeked = -1;
    private InputStream in;

    /** A listening socket whose {@code accept()} returns {@link FirstByteSocket}s; {@code backlog}: TlsConfig.acceptBacklog. */
    static ServerSocket listen(InetAddress address, int port, int backlog) throws IOException {
        return new ServerSocket(port, backlog, address) {
            @Override
            public Socket accept() throws IOException {
                FirstByteSocket socket = new FirstByteSocket();
                implAccept(socket);
                return socket;
            }
        };
    }

    /**
     * Waits up to {@code timeoutMillis} for the peer's first byte and keeps it for the next read.
     *
     * @return false when the peer closed (or reset) the connection before sending a byte; true when a byte
     *         came, or when none came in time (the TLS handshake then runs and its own timeout applies)
     */
    boolean awaitFirstByte(int timeoutMillis) throws IOException {
        int saved = getSoTimeout();
        setSoTimeout(timeoutMillis);
        try {
            int first = super.getInputStream().read();
            if (first < 0) {
                return false;
            }
            keep(first);
            return true;
        } catch (SocketTimeoutException silent) {
            return true;
        } catch (IOException reset) {
            return false;
        } finally {
            if (!isClosed()) {
                setSoTimeout(saved);
            }
        }
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int first = takePeeked();
                    return first >= 0 ? first : super.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    int first = takePeeked();
                    if (first >= 0) {
                        b[off] = (byte) first;
                        return 1;
                    }
                    return super.read(b, off, len);
                }

                @Override
                public int available() throws IOException {
                    return (hasPeeked() ? 1 : 0) + super.available();
                }
            };
        }
        return in;
    }

    private synchronized void keep(int first) {
        peeked = first;
    }

    private synchronized int takePeeked() {
        int first = peeked;
        peeked = -1;
        return first;
    }

    private synchronized boolean hasPeeked() {
        return peeked >= 0;
    }
}
