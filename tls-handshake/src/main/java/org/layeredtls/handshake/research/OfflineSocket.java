package org.layeredtls.handshake.research;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A socket with no network behind it, for a {@code Connection} driven from bytes in memory: it claims to be
 * 127.0.0.1:4433, closing and half-closing only mark it, and timeouts are ignored (nothing on it can block).
 * A subclass says what reading gives and where writing goes.
 */
public abstract class OfflineSocket extends Socket {

    private boolean closed;

    /** Reading gives {@code length} of the peer's bytes from {@code offset} and then end of stream; writing goes nowhere. */
    public static OfflineSocket reading(byte[] peerBytes, int offset, int length) {
        InputStream in = new ByteArrayInputStream(peerBytes, offset, length);
        return new OfflineSocket() {
            @Override
            public InputStream getInputStream() {
                return in;
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream();
            }
        };
    }

    @Override
    public abstract InputStream getInputStream();

    @Override
    public abstract OutputStream getOutputStream();

    @Override
    public InetAddress getInetAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getPort() {
        return 4433;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void shutdownOutput() {
    }

    @Override
    public void shutdownInput() {
    }

    @Override
    public void setSoTimeout(int timeout) {
    }
}
