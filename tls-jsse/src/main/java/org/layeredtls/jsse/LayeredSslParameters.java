package org.layeredtls.jsse;

import javax.net.ssl.SSLParameters;

import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.RecordInterceptor;

/**
 * {@link SSLParameters} with LayeredTLS's research hooks for one socket: a {@link TlsObserver} that sees every
 * record, handshake message, alert and secret of the connection, and the interceptors that may change what
 * is sent. Hand it to {@code SSLSocket.setSSLParameters} (or {@code SSLServerSocket.setSSLParameters}, for
 * every connection it accepts) before the handshake; a hook left null keeps the context's (see
 * {@link LayeredTlsProvider#sslContext(org.layeredtls.handshake.api.TlsConfig)} for hooks on every
 * connection of a context).
 *
 * <pre>{@code
 * LayeredSslParameters parameters = new LayeredSslParameters();
 * parameters.setObserver(myObserver);
 * socket.setSSLParameters(parameters);   // its null suites and protocols keep the socket's
 * }</pre>
 */
public class LayeredSslParameters extends SSLParameters {

    private TlsObserver observer;
    private HandshakeInterceptor handshakeInterceptor;
    private RecordInterceptor recordInterceptor;

    public LayeredSslParameters() {
    }

    /** The observer of the connection, or null for the context's. */
    public TlsObserver getObserver() {
        return observer;
    }

    public void setObserver(TlsObserver observer) {
        this.observer = observer;
    }

    /** The hook on outgoing handshake messages, or null for the context's. */
    public HandshakeInterceptor getHandshakeInterceptor() {
        return handshakeInterceptor;
    }

    public void setHandshakeInterceptor(HandshakeInterceptor interceptor) {
        this.handshakeInterceptor = interceptor;
    }

    /** The hook on outgoing records, or null for the context's. */
    public RecordInterceptor getRecordInterceptor() {
        return recordInterceptor;
    }

    public void setRecordInterceptor(RecordInterceptor interceptor) {
        this.recordInterceptor = interceptor;
    }

    /** A new instance with these hooks and nothing else. */
    LayeredSslParameters copyHooks() {
        LayeredSslParameters copy = new LayeredSslParameters();
        copy.observer = observer;
        copy.handshakeInterceptor = handshakeInterceptor;
        copy.recordInterceptor = recordInterceptor;
        return copy;
    }
}
