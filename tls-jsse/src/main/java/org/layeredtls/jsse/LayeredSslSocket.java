package org.layeredtls.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * A JSSE {@link javax.net.ssl.SSLSocket} over a LayeredTLS {@link TlsSocket}. Until the handshake the socket
 * only collects its parameters (mode, protocols, suites, SNI, ALPN, client authentication, endpoint
 * identification); the handshake ({@link #startHandshake()}, or the first read or write) builds the
 * connection's {@link TlsConfig} from them and runs. A second {@code startHandshake()} does nothing (no
 * renegotiation through JSSE). {@link HandshakeCompletedListener}s are called on the handshaking thread.
 * Failures are {@link SSLHandshakeException}s during the handshake and {@link javax.net.ssl.SSLException}s after, with the
 * stack's alert exception as the cause.
 */
final class LayeredSslSocket extends TransportSslSocket {

    private final LayeredSslContextSpi context;
    private final boolean autoClose;
    private final Object handshakeLock = new Object();
    private final List<HandshakeCompletedListener> listeners = new CopyOnWriteArrayList<>();
    private final HeldSslParameters parameters;
    private volatile boolean clientMode;
    private volatile String peerHost;
    private volatile TlsSocket tls;
    private volatile LayeredSslSession session;
    private volatile IOException handshakeFailure;
    private volatile boolean closed;

    private final ApplicationDataStreams streams = new ApplicationDataStreams(new ApplicationDataStreams.Owner() {
        @Override
        public TlsSocket handshaken() throws IOException {
            return connection();
        }

        @Override
        public TlsSocket current() {
            return closed ? null : tls;
        }

        @Override
        public void close() throws IOException {
            LayeredSslSocket.this.close();
        }
    });

    /** A client over {@code transport} (connected or not), to {@code peerHost} (null: the host connect() is given). */
    static LayeredSslSocket client(LayeredSslContextSpi context, Socket transport, String peerHost, boolean autoClose) {
        return new LayeredSslSocket(context, transport, peerHost, autoClose, context.engineGetDefaultSSLParameters(), true);
    }

    /** A connection accepted by a server socket, with that server socket's parameters. */
    static LayeredSslSocket accepted(LayeredSslContextSpi context, Socket accepted, SSLParameters parameters, boolean clientMode) {
        return new LayeredSslSocket(context, accepted, null, true, parameters, clientMode);
    }

    private LayeredSslSocket(LayeredSslContextSpi context, Socket transport, String peerHost, boolean autoClose,
                             SSLParameters parameters, boolean clientMode) {
        super(transport);
        this.context = context;
        this.peerHost = peerHost;
        this.autoClose = autoClose;
        this.parameters = new HeldSslParameters(parameters);
        this.clientMode = clientMode;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        super.connect(endpoint, timeout);
        if (peerHost == null && endpoint instanceof InetSocketAddress address) {
            peerHost = address.getHostString();
        }
    }

    // ------------------------------------------------------------------ the handshake

    @Override
    public void startHandshake() throws IOException {
        LayeredSslSession completed;
        synchronized (handshakeLock) {
            if (closed) {
                throw new SocketException("Socket is closed");
            }
            if (session != null) {
                return;
            }
            if (handshakeFailure != null) {
                throw handshakeException("the handshake failed before: " + handshakeFailure.getMessage(), handshakeFailure);
            }
            if (!transport.isConnected()) {
                throw new SocketException("Socket is not connected");
            }
            try {
                completed = handshake();
            } catch (InterruptedIOException e) {
                handshakeFailure = e;
                throw e;
            } catch (IOException e) {
                handshakeFailure = e;
                throw e instanceof SSLHandshakeException ? e : handshakeException(e.getMessage(), e);
            }
            session = completed;
        }
        HandshakeCompletedEvent event = new HandshakeCompletedEvent(this, completed);
        for (HandshakeCompletedListener listener : listeners) {
            listener.handshakeCompleted(event);
        }
    }

    private LayeredSslSession handshake() throws IOException {
        SentCertificates sent = new SentCertificates();
        TlsConfig config = context.connectionConfig(parameters.current(), clientMode, peerHost(), sent);
        if (!clientMode && config.certifiedKeys().isEmpty()) {
            throw new SSLHandshakeException("a server needs its key: init the SSLContext with a KeyManager that holds one");
        }
        Socket carrier = autoClose ? transport : new UnclosableTransport(transport);
        TlsSocket connection = clientMode ? TlsSocket.client(carrier, config) : TlsSocket.server(carrier, config);
        tls = connection;
        connection.startHandshake();
        return new LayeredSslSession(connection.session(), sent.chain(), peerHost(), getPort(), context.sessionContext(clientMode));
    }

    private TlsSocket connection() throws IOException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        startHandshake();
        return tls;
    }

    private String peerHost() {
        if (peerHost != null) {
            return peerHost;
        }
        return transport.getInetAddress() == null ? null : transport.getInetAddress().getHostAddress();
    }

    private static SSLHandshakeException handshakeException(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Override
    public SSLSession getSession() {
        if (session == null) {
            try {
                startHandshake();
            } catch (IOException e) {
                // JSSE's rule: a failed handshake shows an invalid session with the suite SSL_NULL_WITH_NULL_NULL
                return new LayeredSslSession(null, null, peerHost(), getPort(), context.sessionContext(clientMode));
            }
        }
        LayeredSslSession current = session;
        current.accessed();
        return current;
    }

    @Override
    public SSLSession getHandshakeSession() {
        return null;
    }

    @Override
    public String getApplicationProtocol() {
        LayeredSslSession current = session;
        if (current == null) {
            return null;
        }
        String protocol = current.info().applicationProtocol();
        return protocol == null ? "" : protocol;
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return null;
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        listeners.add(listener);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (!listeners.remove(listener)) {
            throw new IllegalArgumentException("listener is not registered");
        }
    }

    // ------------------------------------------------------------------ parameters (before the handshake)

    @Override
    public String[] getSupportedCipherSuites() {
        return CipherSuiteNames.supported();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return parameters.current().getCipherSuites().clone();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        parameters.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return ProtocolNames.SUPPORTED.toArray(String[]::new);
    }

    @Override
    public String[] getEnabledProtocols() {
        return parameters.current().getProtocols().clone();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        parameters.setEnabledProtocols(protocols);
    }

    @Override
    public void setUseClientMode(boolean mode) {
        if (tls != null) {
            throw new IllegalArgumentException("the handshake has begun: the mode cannot change");
        }
        clientMode = mode;
    }

    @Override
    public boolean getUseClientMode() {
        return clientMode;
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        parameters.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return parameters.current().getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        parameters.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return parameters.current().getWantClientAuth();
    }

    /** Recorded only: this stack always may create a new session. */
    @Override
    public void setEnableSessionCreation(boolean flag) {
        parameters.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return parameters.enableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return parameters.copy();
    }

    /** By JSSE's rules (null lists keep the current ones); a {@link LayeredSslParameters} also sets this socket's hooks. */
    @Override
    public void setSSLParameters(SSLParameters update) {
        parameters.set(update);
    }

    // ------------------------------------------------------------------ streams and close

    @Override
    public InputStream getInputStream() throws IOException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        return streams.in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        return streams.out;
    }

    /** Sends close_notify (after a handshake) and closes the transport, unless it was layered with autoClose false. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        TlsSocket current = tls;
        if (current != null) {
            current.close();
        } else if (autoClose) {
            transport.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed || (autoClose && transport.isClosed());
    }

    @Override
    public String toString() {
        return "LayeredSslSocket[" + (clientMode ? "client" : "server") + ", " + transport + ", "
                + (session != null ? session : "no handshake yet") + "]";
    }
}
