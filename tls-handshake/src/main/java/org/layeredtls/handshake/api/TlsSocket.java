package org.layeredtls.handshake.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.layeredtls.handshake.engine.SocketDriver;
import org.layeredtls.handshake.engine.TlsEngine;

/**
 * A TLS connection over a {@link Socket}: a blocking adapter over a {@link TlsEngine} (see
 * {@link SocketDriver}). The handshake runs on {@link #startHandshake()} or on
 * the first read or write; then the streams carry application data, protected record by record.
 * {@link #close()} sends close_notify. Errors are {@link org.layeredtls.alert.TlsAlertException}
 * (found here; the alert was sent) or {@link org.layeredtls.alert.TlsAlertReceivedException}
 * (the peer's fatal alert), both {@link IOException}s.
 *
 * <p>The handshake is bounded by {@link TlsConfig#handshakeTimeout()} (a fatal handshake_failure
 * when it runs out); an {@code SO_TIMEOUT} set on {@link #socket()} still applies to every read.
 * {@link #close()} waits up to {@link TlsConfig#closeTimeout()} for the peer's close_notify.
 */
public final class TlsSocket implements Closeable {

    private final Socket socket;
    private final SocketDriver connection;
    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            return connection.read(b, off, len);
        }

        @Override
        public int available() {
            return connection.available();
        }

        @Override
        public void close() throws IOException {
            TlsSocket.this.close();
        }
    };
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len > 0) {
                connection.write(b, off, len);
            }
        }

        @Override
        public void close() throws IOException {
            TlsSocket.this.close();
        }
    };

    private TlsSocket(Socket socket, TlsEngine engine) throws IOException {
        this.socket = socket;
        this.connection = new SocketDriver(socket, engine);
    }

    /** Connects to {@code host:port} as a client; SNI and the name check use {@code host} unless a server name is configured. */
    public static TlsSocket connect(String host, int port, TlsConfig config) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 30_000);
            return new TlsSocket(socket, TlsEngine.client(config, host, port));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * A client over a connected socket; its peer is the address it is connected to (the session
     * store key; SNI and the name check use {@link TlsConfig#serverName()} when set). A socket that
     * is not connected (a subclass over pipes, say) needs a configured server name.
     */
    public static TlsSocket client(Socket socket, TlsConfig config) throws IOException {
        java.net.InetAddress address = socket.getInetAddress();
        if (address == null && config.serverName() == null) {
            throw new IOException("handshake layer: the socket is not connected and no server name is configured:"
                    + " connect it first, use TlsSocket.connect, or give the peer with client(socket, host, port, config)");
        }
        String host = address != null ? address.getHostAddress() : config.serverName();
        return client(socket, host, socket.getPort(), config);
    }

    /** A server over an accepted socket. */
    public static TlsSocket server(Socket socket, TlsConfig config) throws IOException {
        return new TlsSocket(socket, TlsEngine.server(config));
    }

    public void startHandshake() throws IOException {
        connection.handshake();
    }

    public InputStream getInputStream() {
        return in;
    }

    public OutputStream getOutputStream() {
        return out;
    }

    /** What the handshake agreed on; runs the handshake first if needed. */
    public SessionInfo session() throws IOException {
        connection.handshake();
        return connection.sessionInfo();
    }

    /**
     * Keying material exported from this connection (RFC 8446 §7.5 in TLS 1.3, RFC 5705 in TLS 1.0–1.2), as
     * OpenSSL's {@code SSL_export_keying_material}; runs the handshake first if needed. {@code context}
     * {@code null}: no context (in TLS 1.2 not the same as an empty one; in TLS 1.3 the same).
     *
     * @throws IllegalArgumentException      for a label the RFCs reserve, or a length out of range
     * @throws UnsupportedOperationException under SSL 3.0, which has no exporter
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) throws IOException {
        connection.handshake();
        return connection.exportKeyingMaterial(label, context, length);
    }

    /**
     * Client, before the handshake: data to send as TLS 1.3 0-RTT early data (RFC 8446 §2.3) when the handshake
     * resumes with a ticket that allows as much. Early data can be replayed: send only what may safely arrive
     * twice. If {@link #earlyDataStatus()} says {@code REJECTED}, it was not delivered: write it again.
     */
    public void writeEarlyData(byte[] data) {
        connection.engine().writeEarlyData(data);
    }

    /** What became of 0-RTT data on this connection; runs the handshake first if needed. */
    public EarlyDataStatus earlyDataStatus() throws IOException {
        connection.handshake();
        return connection.engine().earlyDataStatus();
    }

    /**
     * Server: the client's accepted 0-RTT data, kept apart from what {@link #getInputStream()} reads because
     * it may be a replay (RFC 8446 §8); runs the handshake first if needed (all of it has arrived by then).
     */
    public byte[] readEarlyData() throws IOException {
        connection.handshake();
        byte[] data = new byte[connection.engine().availableEarlyData()];
        int n = connection.engine().readEarlyData(data, 0, data.length);
        return java.util.Arrays.copyOf(data, n);
    }

    /** A new handshake on this connection (RFC 5746 secure renegotiation only). */
    public void renegotiate() throws IOException {
        connection.renegotiate();
    }

    /**
     * TLS 1.3 (RFC 8446 §4.6.3): sends KeyUpdate and changes our write keys; with {@code requestPeerUpdate}
     * the peer changes its own too (s_client's {@code K}; {@code k} only ours).
     */
    public void keyUpdate(boolean requestPeerUpdate) throws IOException {
        connection.keyUpdate(requestPeerUpdate);
    }

    /**
     * TLS 1.3, a server (RFC 8446 §4.6.2, OpenSSL's {@code SSL_verify_client_post_handshake}): asks the client for
     * its certificate now. The answer is taken by reads, as application data is; once it is checked (the
     * handshake's validator and {@link TlsConfig#clientAuth()}: {@code NEED} refuses an empty answer with
     * certificate_required), {@link #session()} holds the client's chain.
     *
     * @throws IllegalStateException on a client, with no TLS 1.3 session, when the client did not offer
     *                               post_handshake_auth ({@link TlsConfig.Builder#postHandshakeAuth}), or while an
     *                               earlier request awaits its answer
     */
    public void requestClientCertificate() throws IOException {
        connection.requestClientCertificate();
    }

    /** Whether the peer refused our last renegotiation with a no_renegotiation warning. */
    public boolean renegotiationRefused() {
        return connection.renegotiationRefused();
    }

    /** Sends close_notify, waits (bounded by {@link TlsConfig#closeTimeout()}) for the peer's, and closes the socket. */
    @Override
    public void close() throws IOException {
        connection.close();
    }

    public Socket socket() {
        return socket;
    }

    // engine

    /**
     * A client over a socket (connected or not) to the server at {@code host:port}: SNI and the
     * certificate's name check use {@code host} unless {@link TlsConfig#serverName()} is set; the two
     * together key the client's session store.
     */
    public static TlsSocket client(Socket socket, String host, int port, TlsConfig config) throws IOException {
        return new TlsSocket(socket, TlsEngine.client(config, host, port));
    }
}
