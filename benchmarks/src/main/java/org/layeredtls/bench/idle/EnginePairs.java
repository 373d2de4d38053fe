package org.layeredtls.bench.idle;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.engine.EnginePair;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.record.ProtocolVersion;

/**
 * LayeredTLS without sockets: a {@link TlsEngine#pair} on one thread, the same configurations as
 * {@link LayeredTlsPairs}: what the TLS state alone of an idle pair costs, with no socket, no
 * stream and no thread around it (what an {@code SSLEngine} or an event loop would hold).
 */
final class EnginePairs implements ConnectionPairs {

    private final TlsConfig clientConfig;
    private final TlsConfig serverConfig;

    private final CryptoBackend backend;

    EnginePairs(BenchmarkPki pki, CryptoBackend backend) {
        this.backend = backend;
        serverConfig = TlsConfig.builder()
                .versions(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_2)
                .certificate(List.of(pki.server.certificate(), pki.ca.certificate().certificate()),
                        pki.server.keyPair().privateKey())
                .cryptoBackend(backend)
                .build();
        clientConfig = TlsConfig.builder().versions(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_2).serverName("localhost")
                .trustAnchors(List.of(pki.ca.certificate().certificate())).cryptoBackend(backend).build();
    }

    @Override
    public String name() {
        return "LayeredTLS TlsEngine pair (no sockets), TLS 1.2 ECDHE-RSA AES-128-GCM, " + backend + " crypto";
    }

    @Override
    public Closeable openPair() throws Exception {
        EnginePair pair = TlsEngine.pair(clientConfig, serverConfig);
        pair.handshake();
        ConnectionPairs.expectTls12(pair.client().sessionInfo().version());
        pair.client().writeApplicationData(PING);
        pair.shuttle();
        expect(pair.server(), PING);
        pair.server().writeApplicationData(PONG);
        pair.shuttle();
        expect(pair.client(), PONG);
        return new Idle(pair);
    }

    /** Holds the pair, idle, until the measurement is over; nothing to release after (no socket, no thread). */
    private record Idle(EnginePair pair) implements Closeable {
        @Override
        public void close() {
            // the pair becomes garbage with this holder
        }
    }

    private static void expect(TlsEngine engine, byte[] expected) throws IOException {
        byte[] got = new byte[expected.length];
        int n = engine.readApplicationData(got, 0, got.length);
        if (n != expected.length || !Arrays.equals(got, expected)) {
            throw new IOException("engine pair: expected " + expected.length + " bytes of the exchange, got " + n);
        }
    }

    @Override
    public void close() {
        // no listener, no thread
    }
}
