package org.layeredtls.bench.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import org.layeredtls.bench.idle.BenchmarkPki;

/** SunJSSE's contexts for the benchmark PKI, and a client and a server {@link SSLEngine} handshaken in memory. */
public final class SslEngines {

    private static final int BUFFER = 1 << 17;
    private static final int MAX_STEPS = 1000;

    private SslEngines() {
    }

    /** A server context with {@code keys}' certificate and key (no trust), or a client context trusting the benchmark CAs. */
    public static SSLContext context(BenchmarkPki pki, KeyStore keys) throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (keys != null) {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, BenchmarkPki.PASSWORD);
            context.init(factory.getKeyManagers(), null, null);
        } else {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(pki.trustStore());
            context.init(null, trust.getTrustManagers(), null);
        }
        return context;
    }

    /** Pins both engines to TLS 1.2 and {@code suite}, and the client to checking the server's name (HTTPS rules). */
    public static void configure(SSLEngine client, SSLEngine server, String suite) {
        configure(client, server, "TLSv1.2", suite);
    }

    /** Pins both engines to {@code version} ({@code TLSv1.2}, {@code TLSv1.3}) and {@code suite}, and the client to checking the server's name. */
    public static void configure(SSLEngine client, SSLEngine server, String version, String suite) {
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        for (SSLEngine engine : new SSLEngine[] {client, server}) {
            engine.setEnabledProtocols(new String[] {version});
            engine.setEnabledCipherSuites(new String[] {suite});
        }
        var parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(parameters);
    }

    /** Wraps and unwraps between the two engines until both finish the handshake, and delivers what follows it. */
    public static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        handshake(client, server, true);
    }

    /**
     * Wraps and unwraps between the two engines until both finish the handshake; then, if {@code deliverTickets},
     * the client unwraps what the server sent after its handshake (TLS 1.3's NewSessionTicket, which the client
     * needs to resume; without it the client keeps no session of this handshake).
     */
    public static void handshake(SSLEngine client, SSLEngine server, boolean deliverTickets) throws SSLException {
        ByteBuffer toServer = ByteBuffer.allocate(BUFFER);
        ByteBuffer toClient = ByteBuffer.allocate(BUFFER);
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer sink = ByteBuffer.allocate(BUFFER);
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < MAX_STEPS; step++) {
            if (finished(client.getHandshakeStatus()) && finished(server.getHandshakeStatus())) {
                if (deliverTickets) {
                    deliver(toClient, client, sink);
                }
                return;
            }
            step(client, empty, toServer, toClient, sink);
            step(server, empty, toClient, toServer, sink);
        }
        throw new IllegalStateException("the SSLEngine handshake did not finish");
    }

    /** Unwraps what is left in {@code in} (post-handshake messages) on {@code engine}. */
    private static void deliver(ByteBuffer in, SSLEngine engine, ByteBuffer sink) throws SSLException {
        in.flip();
        while (in.hasRemaining()) {
            SSLEngineResult result = engine.unwrap(in, sink);
            if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
                break;
            }
        }
        in.compact();
    }

    private static boolean finished(HandshakeStatus status) {
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer sink)
            throws SSLException {
        switch (engine.getHandshakeStatus()) {
            case NEED_WRAP -> engine.wrap(empty, out);
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                in.flip();
                SSLEngineResult result = engine.unwrap(in, sink);
                in.compact();
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    return;
                }
            }
            case NEED_TASK -> {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
            }
            default -> { }
        }
    }
}
