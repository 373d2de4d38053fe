package org.layeredtls.handshake.api;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Accepts TCP connections and wraps each in a server-side {@link TlsSocket}. */
public final class TlsServerSocket implements Closeable {

    private final ServerSocket listener;
    private final TlsConfig config;

    public TlsServerSocket(ServerSocket listener, TlsConfig config) {
        if (config.certifiedKeys().isEmpty()) {
            throw new IllegalArgumentException("a TLS server needs a certificate and its private key");
        }
        this.listener = listener;
        this.config = config;
    }

    /** Listens on {@code address:port}; port 0 picks a free ephemeral port. */
    public static TlsServerSocket bind(InetAddress address, int port, TlsConfig config) throws IOException {
        return new TlsServerSocket(new ServerSocket(port, config.acceptBacklog(), address), config);
    }

    public int getLocalPort() {
        return listener.getLocalPort();
    }

    public InetAddress getInetAddress() {
        return listener.getInetAddress();
    }

    /**
     * The next connection; its handshake runs on first use or on {@link TlsSocket#startHandshake()},
     * bounded by {@link TlsConfig#handshakeTimeout()}. A server loop that wants to outlive its
     * connections catches every exception of one connection (its handshake, its reads and writes)
     * and goes on accepting while {@link #isClosed()} is false.
     */
    public TlsSocket accept() throws IOException {
        Socket socket = listener.accept();
        try {
            return TlsSocket.server(socket, config);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether {@link #close()} was called (or the listening socket failed): accept() will not succeed again. */
    public boolean isClosed() {
        return listener.isClosed();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
