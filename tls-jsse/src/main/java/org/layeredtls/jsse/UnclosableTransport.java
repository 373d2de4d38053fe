package org.layeredtls.jsse;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * A view of a connected socket whose {@link #close()} leaves the socket open: what the TLS connection is
 * given when {@code createSocket(socket, host, port, autoClose)} was asked with {@code autoClose} false, so
 * that closing the TLS layer (close_notify) hands the TCP connection back to its owner. Only what the TLS
 * connection uses is forwarded: the streams, the read timeout, the peer's address.
 */
final class UnclosableTransport extends Socket {

    private final Socket socket;
    private volatile boolean closed;

    UnclosableTransport(Socket socket) {
        this.socket = socket;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new FilterInputStream(socket.getInputStream()) {
            @Override
            public void close() {
                closed = true;
            }
        };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return new FilterOutputStream(socket.getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
                closed = true;
            }
        };
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        socket.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return socket.getSoTimeout();
    }

    @Override
    public InetAddress getInetAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getPort() {
        return socket.getPort();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public boolean isClosed() {
        return closed || socket.isClosed();
    }

    /** Marks the view closed; the socket underneath stays open for its owner. */
    @Override
    public void close() {
        closed = true;
    }
}
