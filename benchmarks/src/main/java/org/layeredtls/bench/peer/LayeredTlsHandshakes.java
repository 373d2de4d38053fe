package org.layeredtls.bench.peer;

import java.time.Duration;
import java.util.List;

import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.engine.EnginePair;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.InMemorySessionCache;

/**
 * LayeredTLS: a {@link TlsEngine#pair} per handshake, the kind's version and suite, the client checking the
 * server's chain and name against the benchmark CA; the server keeps a session cache and issues
 * tickets (the defaults), and the resuming client keeps its session in a client session store.
 */
final class LayeredTlsHandshakes implements Handshakes {

    private static final int CACHE_ENTRIES = 1024;

    private final HandshakeKind kind;
    private final TlsConfig client;
    private final TlsConfig resumingClient;
    private final TlsConfig server;

    LayeredTlsHandshakes(BenchmarkPki pki, HandshakeKind kind, CryptoBackend backend) throws Exception {
        this.kind = kind;
        IssuedCertificate leaf = kind.serverCertificate(pki);
        CertificateAuthority ca = kind.issuer(pki);
        server = TlsConfig.builder()
                .versions(kind.version, kind.version)
                .cipherSuites(kind.suite)
                .certificate(List.of(leaf.certificate(), ca.certificate().certificate()), leaf.keyPair().privateKey())
                .sessionCache(new InMemorySessionCache(CACHE_ENTRIES, Duration.ofHours(1)))
                .cryptoBackend(backend)
                .build();
        client = TlsConfig.builder()
                .versions(kind.version, kind.version)
                .cipherSuites(kind.suite)
                .serverName(EnginePair.PEER_HOST)
                .trustAnchors(List.of(ca.certificate().certificate()))
                .cryptoBackend(backend)
                .build();
        resumingClient = client.toBuilder().clientSessionStore(new InMemoryClientSessionStore(CACHE_ENTRIES)).build();
        handshake(resumingClient); // the session the resumed handshakes resume
    }

    @Override
    public int full() throws Exception {
        EnginePair pair = handshake(client);
        Handshakes.expect(false, pair.client().sessionInfo().resumed());
        return pair.client().sessionInfo().sessionId().length;
    }

    @Override
    public int resumed() throws Exception {
        EnginePair pair = handshake(resumingClient);
        Handshakes.expect(true, pair.client().sessionInfo().resumed());
        return pair.client().sessionInfo().sessionId().length;
    }

    private EnginePair handshake(TlsConfig clientConfig) throws Exception {
        EnginePair pair = TlsEngine.pair(clientConfig, server);
        pair.handshake();
        kind.expectVersion(pair.client().sessionInfo().version().displayName());
        return pair;
    }
}
