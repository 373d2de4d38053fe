package org.layeredtls.cwmp.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;

import org.layeredtls.handshake.api.TlsSocket;

/**
 * The adapter between HttpCore 5 and our TLS stack: a {@link java.net.Socket} whose streams are
 * the {@link TlsSocket}'s application-data streams, and whose addresses, timeouts and linger are
 * those of the TCP socket underneath. HttpCore's blocking connections
 * ({@code DefaultBHttpServerConnection}, {@code DefaultBHttpClientConnection}) bind to any
 * {@code Socket}, so HTTP/1.1 runs over our records without HttpCore knowing about TLS.
 *
 * <p>{@link #close()} closes the TLS connection, which sends close_notify first (RFC 5246 §7.2.1).
 * A write that fails below TLS reports the peer's fatal alert when one is waiting ({@link PendingAlert}),
 * and once a write has failed, later writes fail at once: HttpCore's flush on close does not send the
 * failed request a second time.
 */
final class TlsBoundSocket extends java.net.Socket {

    private final TlsSocket tls;
    private final java.net.Socket tcp;
    private volatile boolean closed;
    private volatile IOException writeFailure;
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            IOException failed = writeFailure;
            if (failed != null) {
                throw new SocketException("the connection failed on an earlier write: " + failed.getMessage());
            }
            try {
                tls.getOutputStream().write(b, off, len);
            } catch (IOException e) {
                writeFailure = e;
                throw PendingAlert.explain(tls, e);
            }
        }

        @Override
        public void flush() throws IOException {
            tls.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            TlsBoundSocket.this.close();
        }
    };

    TlsBoundSocket(TlsSocket tls) {
        this.tls = tls;
        this.tcp = tls.socket();
    }

    TlsSocket tls() {
        return tls;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        ensureOpen();
        return tls.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        ensureOpen();
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            tls.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed || tcp.isClosed();
    }

    @Override
    public boolean isConnected() {
        return tcp.isConnected();
    }

    @Override
    public boolean isBound() {
        return tcp.isBound();
    }

    @Override
    public boolean isInputShutdown() {
        return tcp.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return tcp.isOutputShutdown();
    }

    @Override
    public void shutdownInput() throws IOException {
        tcp.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        tcp.shutdownOutput();
    }

    @Override
    public InetAddress getInetAddress() {
        return tcp.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return tcp.getLocalAddress();
    }

    @Override
    public int getPort() {
        return tcp.getPort();
    }

    @Override
    public int getLocalPort() {
        return tcp.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return tcp.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return tcp.getLocalSocketAddress();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        tcp.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return tcp.getSoTimeout();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        tcp.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return tcp.getSoLinger();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        tcp.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return tcp.getTcpNoDelay();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        tcp.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return tcp.getKeepAlive();
    }

    @Override
    public String toString() {
        return "TlsBoundSocket[" + tcp + "]";
    }

    private void ensureOpen() throws SocketException {
        if (isClosed()) {
            throw new SocketException("socket closed");
        }
    }
}
