package org.layeredtls.bench.peer;

import java.time.Duration;
import java.util.List;

import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.engine.EnginePair;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.session.TicketProtector;

/**
 * LayeredTLS: a {@link TlsEngine#pair} per handshake, the kind's version and suite, the client checking the
 * server's chain and name against the benchmark CA; the resuming client keeps its session in a client session
 * store. TLS 1.2: the server keeps a session cache and issues tickets (the defaults). TLS 1.3: x25519 the only
 * group; the server of the full handshakes issues no ticket (bctls's issues none, so both do the same work), the
 * server of the resumed ones one ticket per handshake (it takes tickets only while it issues them, as SunJSSE's
 * issues one); every resumed handshake offers the ticket of a first handshake (psk_dhe_ke).
 */
final class LayeredTlsHandshakes implements Handshakes {

    private static final int CACHE_ENTRIES = 1024;

    private final HandshakeKind kind;
    private final TlsConfig client;
    private final TlsConfig resumingClient;
    private final TlsConfig server;
    private final TlsConfig resumingServer;

    LayeredTlsHandshakes(BenchmarkPki pki, HandshakeKind kind, CryptoBackend backend) throws Exception {
        this.kind = kind;
        IssuedCertificate leaf = kind.serverCertificate(pki);
        CertificateAuthority ca = kind.issuer(pki);
        TlsConfig.Builder serverBuilder = suites(kind, TlsConfig.builder())
                .certificate(List.of(leaf.certificate(), ca.certificate().certificate()), leaf.keyPair().privateKey())
                .sessionCache(new InMemorySessionCache(CACHE_ENTRIES, Duration.ofHours(1)))
                .cryptoBackend(backend);
        client = suites(kind, TlsConfig.builder())
                .serverName(EnginePair.PEER_HOST)
                .trustAnchors(List.of(ca.certificate().certificate()))
                .cryptoBackend(backend)
                .build();
        resumingClient = client.toBuilder().clientSessionStore(new InMemoryClientSessionStore(CACHE_ENTRIES)).build();
        if (kind.tls13()) {
            serverBuilder.ticketProtector(TicketProtector.withDefaults());
            resumingServer = serverBuilder.tls13TicketCount(1).build();
            server = serverBuilder.tls13TicketCount(0).build();
        } else {
            server = serverBuilder.build();
            resumingServer = server;
        }
        handshake(resumingClient, resumingServer).shuttle(); // the session the resumed handshakes resume (TLS 1.3: its ticket reaches the client)
    }

    /** The kind's version, suite and, for TLS 1.3, the one group x25519. */
    private static TlsConfig.Builder suites(HandshakeKind kind, TlsConfig.Builder builder) {
        builder.versions(kind.version, kind.version);
        if (kind.tls13()) {
            return builder.tls13CipherSuites(kind.suite).namedGroups(NamedGroup.X25519).keyShareGroups(NamedGroup.X25519);
        }
        return builder.cipherSuites(kind.suite);
    }

    @Override
    public int full() throws Exception {
        EnginePair pair = handshake(client, server);
        Handshakes.expect(false, pair.client().sessionInfo().resumed());
        return pair.client().sessionInfo().sessionId().length;
    }

    @Override
    public int resumed() throws Exception {
        EnginePair pair = handshake(resumingClient, resumingServer);
        Handshakes.expect(true, pair.client().sessionInfo().resumed());
        return pair.client().sessionInfo().sessionId().length;
    }

    private EnginePair handshake(TlsConfig clientConfig, TlsConfig serverConfig) throws Exception {
        EnginePair pair = TlsEngine.pair(clientConfig, serverConfig);
        pair.handshake();
        kind.expectVersion(pair.client().sessionInfo().version().displayName());
        return pair;
    }
}
