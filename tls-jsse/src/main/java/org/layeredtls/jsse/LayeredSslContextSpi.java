package org.layeredtls.jsse;

import java.io.IOException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateParseException;
import org.layeredtls.handshake.jca.JcaCertificates;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.trace.TlsObservers;
import org.layeredtls.record.ProtocolVersion;

/**
 * What an {@code SSLContext} of this provider holds: a base {@link TlsConfig} (the stack's defaults, or the
 * one given to {@link LayeredTlsProvider#sslContext(TlsConfig)}, with its observer, interceptors and security
 * level), the key manager's keys, the trust manager, and the session caches its connections share. Each
 * connection's own {@link TlsConfig} is the base config with what the socket's {@link SSLParameters} say laid
 * over it ({@link #connectionConfig}).
 */
final class LayeredSslContextSpi extends SSLContextSpi {

    /** The session cache sizes and lifetime when the base config brings none (SunJSSE's defaults: 20,480 entries, 24 h). */
    private static final int SESSION_CACHE_ENTRIES = 20_480;
    private static final Duration SESSION_LIFETIME = Duration.ofHours(24);

    private final TlsConfig base;
    private final LayeredSessionContext clientSessions = new LayeredSessionContext();
    private final LayeredSessionContext serverSessions = new LayeredSessionContext();
    private final InMemorySessionCache sessionCache = new InMemorySessionCache(SESSION_CACHE_ENTRIES, SESSION_LIFETIME);
    private final InMemoryClientSessionStore clientSessionStore = new InMemoryClientSessionStore(SESSION_CACHE_ENTRIES);
    private volatile boolean initialized;
    private KeyManagerKeys keys;
    private X509TrustManager trustManager;
    private List<Certificate> acceptedIssuers = List.of();

    LayeredSslContextSpi(TlsConfig base) {
        this.base = base;
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
            throws KeyManagementException {
        this.keys = firstOf(keyManagers, X509KeyManager.class) == null ? null
                : new KeyManagerKeys(firstOf(keyManagers, X509KeyManager.class));
        X509TrustManager trust = firstOf(trustManagers, X509TrustManager.class);
        this.trustManager = trust != null ? trust : defaultTrustManager();
        this.acceptedIssuers = parseable(trustManager.getAcceptedIssuers());
        this.initialized = true;
    }

    /** JSSE's rule when init() gets no trust manager: the default TrustManagerFactory's, over cacerts or javax.net.ssl.trustStore. */
    static X509TrustManager defaultTrustManager() throws KeyManagementException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            X509TrustManager trust = firstOf(factory.getTrustManagers(), X509TrustManager.class);
            if (trust == null) {
                throw new KeyManagementException("the default TrustManagerFactory made no X509TrustManager");
            }
            return trust;
        } catch (NoSuchAlgorithmException | java.security.KeyStoreException e) {
            throw new KeyManagementException("cannot make the default trust manager: " + e.getMessage(), e);
        }
    }

    private static <T> T firstOf(Object[] managers, Class<T> type) {
        if (managers != null) {
            for (Object manager : managers) {
                if (type.isInstance(manager)) {
                    return type.cast(manager);
                }
            }
        }
        return null;
    }

    // the CAs a server names in its CertificateRequest (RFC 5246 §7.4.4); one this stack cannot parse is left out
    private static List<Certificate> parseable(X509Certificate[] issuers) {
        List<Certificate> anchors = new ArrayList<>();
        for (X509Certificate issuer : issuers == null ? new X509Certificate[0] : issuers) {
            try {
                anchors.add(JcaCertificates.fromJca(issuer));
            } catch (CertificateParseException e) {
                // not named in the CertificateRequest; the trust manager still decides on any chain
                continue;
            }
        }
        return anchors;
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        requireInitialized();
        return new LayeredSslSocketFactory(this);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        requireInitialized();
        return new LayeredSslServerSocketFactory(this);
    }

    /** An engine for no particular peer: no SNI, no name check, no session to resume. */
    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return engineCreateSSLEngine(null, -1);
    }

    /** An engine for {@code host:port}: a client's SNI name and name check use {@code host}, and so does its session store. */
    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        requireInitialized();
        return new LayeredSslEngine(this, host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return serverSessions;
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return clientSessions;
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        List<CipherSuite> suites = new ArrayList<>();
        if (base.maxVersion().isAtLeast(ProtocolVersion.TLS1_3)) {
            suites.addAll(base.tls13CipherSuites()); // as SunJSSE: the TLS 1.3 suites first
        }
        suites.addAll(base.cipherSuites());
        SSLParameters parameters = new SSLParameters(CipherSuiteNames.of(suites),
                ProtocolNames.range(base.minVersion(), base.maxVersion()));
        parameters.setApplicationProtocols(base.alpn().toArray(String[]::new));
        parameters.setNeedClientAuth(base.clientAuth() == ClientAuth.NEED);
        if (base.clientAuth() == ClientAuth.WANT) {
            parameters.setWantClientAuth(true);
        }
        return parameters;
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return new SSLParameters(CipherSuiteNames.supported(), ProtocolNames.SUPPORTED.toArray(String[]::new));
    }

    /** The base configuration every connection of this context starts from. */
    TlsConfig base() {
        return base;
    }

    LayeredSessionContext sessionContext(boolean client) {
        return client ? clientSessions : serverSessions;
    }

    /**
     * The configuration of one connection: the base config, the protocols, suites, ALPN, SNI and client
     * authentication of {@code parameters}, the key manager's keys for this side, and the trust manager as
     * the judge of the peer's chain ({@code peerHost}: the host a client connected to, for the name check);
     * {@code sent} watches for the chain this side sends, next to the configured observer.
     */
    TlsConfig connectionConfig(SSLParameters parameters, boolean client, String peerHost, SentCertificates sent) throws IOException {
        requireInitialized();
        TlsConfig.Builder config = base.toBuilder();
        versionsAndSuites(config, parameters);
        config.alpn(parameters.getApplicationProtocols());
        config.verifyPeer(true);
        config.peerCertificateVerifier(new TrustManagerVerifier(trustManager, parameters.getEndpointIdentificationAlgorithm(), peerHost));
        TlsObserver observer = base.observer();
        if (parameters instanceof LayeredSslParameters hooks) {
            applyHooks(config, hooks);
            observer = hooks.getObserver() != null ? hooks.getObserver() : observer;
        }
        config.observer(TlsObservers.of(observer, sent));
        if (base.sessionCache() == null) {
            config.sessionCache(sessionCache);
        }
        if (base.clientSessionStore() == null) {
            config.clientSessionStore(clientSessionStore);
        }
        List<CertifiedKey> ours = keys == null ? List.of() : client ? keys.forClient() : keys.forServer();
        for (CertifiedKey key : ours) {
            config.certificate(key.chain(), key.privateKey());
        }
        if (client) {
            String sni = sniHostName(parameters);
            config.serverName(sni != null ? sni : peerHost);
        } else {
            config.clientAuth(parameters.getNeedClientAuth() ? ClientAuth.NEED
                    : parameters.getWantClientAuth() ? ClientAuth.WANT : ClientAuth.NONE);
            config.trustAnchors(acceptedIssuers);
        }
        try {
            return config.build();
        } catch (IllegalArgumentException e) {
            throw new javax.net.ssl.SSLException("these parameters leave nothing to negotiate: " + e.getMessage(), e);
        }
    }

    /**
     * The enabled protocols and suites: the TLS 1.3 suites go to {@code tls13CipherSuites}, the others to
     * {@code cipherSuites}, and a version none of whose suites is enabled is not offered (as SunJSSE).
     */
    private static void versionsAndSuites(TlsConfig.Builder config, SSLParameters parameters) throws IOException {
        List<CipherSuite> suites = CipherSuiteNames.suites(parameters.getCipherSuites());
        List<CipherSuite> tls13Suites = suites.stream().filter(CipherSuite::isTls13).toList();
        List<CipherSuite> olderSuites = suites.stream().filter(suite -> !suite.isTls13()).toList();
        List<ProtocolVersion> versions = java.util.Arrays.stream(parameters.getProtocols()).map(ProtocolNames::version)
                .filter(version -> version.isAtLeast(ProtocolVersion.TLS1_3) ? !tls13Suites.isEmpty() : !olderSuites.isEmpty())
                .sorted().toList();
        if (versions.isEmpty()) {
            throw new javax.net.ssl.SSLHandshakeException("no enabled protocol " + List.of(parameters.getProtocols())
                    + " has an enabled cipher suite " + List.of(parameters.getCipherSuites()));
        }
        config.versions(versions.get(0), versions.get(versions.size() - 1));
        if (!tls13Suites.isEmpty()) {
            config.tls13CipherSuites(tls13Suites);
        }
        if (!olderSuites.isEmpty()) {
            config.cipherSuites(olderSuites);
        }
    }

    // the research hooks of one socket replace the context's; a hook left null keeps the context's
    private static void applyHooks(TlsConfig.Builder config, LayeredSslParameters hooks) {
        if (hooks.getObserver() != null) {
            config.observer(hooks.getObserver());
        }
        if (hooks.getHandshakeInterceptor() != null) {
            config.handshakeInterceptor(hooks.getHandshakeInterceptor());
        }
        if (hooks.getRecordInterceptor() != null) {
            config.recordInterceptor(hooks.getRecordInterceptor());
        }
    }

    private static String sniHostName(SSLParameters parameters) {
        List<SNIServerName> names = parameters.getServerNames();
        if (names != null) {
            for (SNIServerName name : names) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return null;
    }

    private void requireInitialized() {
        if (!initialized) {
            throw new IllegalStateException("SSLContext is not initialized: call init(keyManagers, trustManagers, random) first");
        }
    }
}
