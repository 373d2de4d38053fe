package org.layeredtls.bench.peer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

import org.layeredtls.bench.idle.BenchmarkPki;

/**
 * SunJSSE: a client and a server {@link SSLEngine} per handshake, from one client and one server
 * {@link SSLContext} (whose session caches resume); the client checks the server's chain (PKIX) and name.
 * Full handshakes are keyed to another port than resumed ones in the client's session cache, and invalidate
 * their session afterwards (TLS 1.3: their client never unwraps the server's NewSessionTicket, so it keeps no
 * session to resume), so each is full and none displaces the session the resumed ones resume. TLS 1.3: the
 * handshake is on x25519, as on every stack, but the JDK 17 client sends a second key share, secp256r1 (one per
 * kind of group, at most two); only {@code -Djdk.tls.namedGroups=x25519} would stop it, and that leaves the JDK no
 * ECDSA P-256 signature, so the JDK's defaults stay and the extra key pair is SunJSSE's own cost.
 */
final class SunJsseHandshakes implements Handshakes {

    private final SSLContext client;
    private final SSLContext server;
    private final HandshakeKind kind;
    private final String suite;
    private final long resumable;
    private static final int RESUMING_PORT = 443;
    private static final int FULL_PORT = 444;

    SunJsseHandshakes(BenchmarkPki pki, HandshakeKind kind) throws Exception {
        client = SslEngines.context(pki, null);
        server = SslEngines.context(pki, kind.ecdsa ? pki.ecServerKeyStore() : pki.serverKeyStore());
        this.kind = kind;
        suite = kind.suiteName();
        resumable = session(RESUMING_PORT, true).getCreationTime(); // the session the resumed handshakes resume
    }

    @Override
    public int full() throws Exception {
        SSLSession session = session(FULL_PORT, false);
        session.invalidate();
        return session.getId().length;
    }

    @Override
    public int resumed() throws Exception {
        SSLSession session = session(RESUMING_PORT, true);
        Handshakes.expect(true, session.getCreationTime() == resumable);
        return session.getId().length;
    }

    private SSLSession session(int port, boolean keepTicket) throws Exception {
        SSLEngine c = client.createSSLEngine("localhost", port);
        SSLEngine s = server.createSSLEngine();
        SslEngines.configure(c, s, kind.jsseVersion(), suite);
        SslEngines.handshake(c, s, keepTicket);
        if (!suite.equals(c.getSession().getCipherSuite())) {
            throw new IllegalStateException("SunJSSE negotiated " + c.getSession().getCipherSuite());
        }
        kind.expectVersion(c.getSession().getProtocol());
        return c.getSession();
    }
}
