package org.layeredtls.jsse;

import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionBindingEvent;
import javax.net.ssl.SSLSessionBindingListener;
import javax.net.ssl.SSLSessionContext;

import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.jca.JcaCertificates;

/**
 * What a handshake agreed on ({@link SessionInfo}), as JSSE shows it: the protocol and suite by their JSSE
 * names, the peer's chain as {@link X509Certificate}s, the session id, the peer's host and port. The creation
 * time is when this connection's handshake completed (for a resumed session too).
 */
final class LayeredSslSession implements SSLSession {

    /** JSSE's name for "no suite agreed": what getSession() shows after a failed handshake. */
    static final String NULL_SUITE = "SSL_NULL_WITH_NULL_NULL";

    /** RFC 5246 §6.2.3: the largest TLSCiphertext, 2^14 + 2048 bytes, with its 5-byte header. */
    private static final int MAX_RECORD = 5 + (1 << 14) + 2048;
    /** RFC 5246 §6.2.1: the largest plaintext fragment, 2^14 bytes. */
    private static final int MAX_FRAGMENT = 1 << 14;

    private final SessionInfo info;
    private final X509Certificate[] peerCertificates;
    private final X509Certificate[] localCertificates;
    private final String peerHost;
    private final int peerPort;
    private final SSLSessionContext context;
    private final long creationTime = System.currentTimeMillis();
    private volatile long lastAccessedTime = creationTime;
    private volatile boolean valid;
    private final Map<String, Object> values = new ConcurrentHashMap<>();

    /** {@code info} null: the session of a connection whose handshake failed (invalid, suite {@value #NULL_SUITE}). */
    LayeredSslSession(SessionInfo info, X509Certificate[] localCertificates, String peerHost, int peerPort, SSLSessionContext context) {
        this.info = info;
        this.peerCertificates = info == null ? new X509Certificate[0] : JcaCertificates.toJca(info.peerCertificates());
        this.localCertificates = localCertificates;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.context = context;
        this.valid = info != null;
    }

    /** The agreed values in this stack's own types, or null after a failed handshake. */
    SessionInfo info() {
        return info;
    }

    void accessed() {
        lastAccessedTime = System.currentTimeMillis();
    }

    @Override
    public byte[] getId() {
        return info == null ? new byte[0] : info.sessionId();
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return context;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessedTime;
    }

    @Override
    public void invalidate() {
        valid = false;
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void putValue(String name, Object value) {
        Object old = values.put(name, value);
        if (old instanceof SSLSessionBindingListener listener) {
            listener.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
        if (value instanceof SSLSessionBindingListener listener) {
            listener.valueBound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public Object getValue(String name) {
        return values.get(name);
    }

    @Override
    public void removeValue(String name) {
        Object old = values.remove(name);
        if (old instanceof SSLSessionBindingListener listener) {
            listener.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public String[] getValueNames() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        if (peerCertificates.length == 0) {
            throw new SSLPeerUnverifiedException("the peer sent no certificate" + (info == null ? " (no handshake)" : ""));
        }
        return peerCertificates.clone();
    }

    @Override
    public Certificate[] getLocalCertificates() {
        return localCertificates == null || localCertificates.length == 0 ? null : localCertificates.clone();
    }

    @Override
    @Deprecated
    @SuppressWarnings("removal")
    public javax.security.cert.X509Certificate[] getPeerCertificateChain() {
        throw new UnsupportedOperationException("javax.security.cert is deprecated: use getPeerCertificates()");
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return ((X509Certificate) getPeerCertificates()[0]).getSubjectX500Principal();
    }

    @Override
    public Principal getLocalPrincipal() {
        return localCertificates == null || localCertificates.length == 0 ? null : localCertificates[0].getSubjectX500Principal();
    }

    @Override
    public String getCipherSuite() {
        return info == null ? NULL_SUITE : CipherSuiteNames.of(info.cipherSuite());
    }

    @Override
    public String getProtocol() {
        return info == null ? "NONE" : ProtocolNames.of(info.version());
    }

    @Override
    public String getPeerHost() {
        return peerHost;
    }

    @Override
    public int getPeerPort() {
        return peerPort;
    }

    @Override
    public int getPacketBufferSize() {
        return MAX_RECORD;
    }

    @Override
    public int getApplicationBufferSize() {
        return MAX_FRAGMENT;
    }

    @Override
    public String toString() {
        return "LayeredSslSession[" + getProtocol() + ", " + getCipherSuite() + ", " + peerHost + ":" + peerPort + "]";
    }
}
