package org.layeredtls.handshake.state.fuzz;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A socket with no network behind it: reading gives the peer's bytes and then end of stream,
 * writing goes nowhere. Nothing on it can block, so a fuzzed connection ends when its input does.
 */
final class InMemorySocket extends Socket {

    private final InputStream in;
    private boolean closed;

    InMemorySocket(byte[] peerBytes, int offset, int length) {
        this.in = new ByteArrayInputStream(peerBytes, offset, length);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

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
