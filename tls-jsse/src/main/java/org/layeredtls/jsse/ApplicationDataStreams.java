package org.layeredtls.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import javax.net.ssl.SSLException;

import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * The two streams an {@link LayeredSslSocket} hands out. A read or a write first completes the handshake
 * (JSSE's rule: the handshake runs on first use), then goes to the {@link TlsSocket}'s streams; the stack's
 * alert exceptions reach the caller as {@link SSLException}s, with the alert exception as the cause.
 * Closing either stream closes the socket.
 */
final class ApplicationDataStreams {

    /** What the streams need of their socket. */
    interface Owner {
        /** The connection, its handshake completed first if needed. */
        TlsSocket handshaken() throws IOException;

        /** The connection if the handshake has begun and the socket is open, else null. */
        TlsSocket current();

        void close() throws IOException;
    }

    final InputStream in;
    final OutputStream out;

    ApplicationDataStreams(Owner owner) {
        this.in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return owner.handshaken().getInputStream().read(b, off, len);
                } catch (TlsException e) {
                    throw new SSLException(e.getMessage(), e);
                }
            }

            @Override
            public int available() throws IOException {
                TlsSocket current = owner.current();
                return current == null ? 0 : current.getInputStream().available();
            }

            @Override
            public void close() throws IOException {
                owner.close();
            }
        };
        this.out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    owner.handshaken().getOutputStream().write(b, off, len);
                } catch (TlsException e) {
                    throw new SSLException(e.getMessage(), e);
                }
            }

            @Override
            public void flush() throws IOException {
                TlsSocket current = owner.current();
                if (current != null) {
                    current.getOutputStream().flush();
                }
            }

            @Override
            public void close() throws IOException {
                owner.close();
            }
        };
    }
}
