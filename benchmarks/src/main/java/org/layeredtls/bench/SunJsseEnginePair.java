package org.layeredtls.bench;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import org.layeredtls.bench.idle.BenchmarkPki;

/**
 * SunJSSE's {@link SSLEngine}, a client and a server handshaken to each other in memory (TLS 1.2,
 * ECDHE-RSA, one suite), as the peer a record benchmark measures against: {@link #seal} is the
 * client's {@code wrap} of one application-data record, {@link #open} the server's {@code unwrap}
 * of it. The JDK's own crypto underneath, the same that {@code JdkCrypto} uses.
 */
final class SunJsseEnginePair {

    private final SSLEngine client;
    private final SSLEngine server;
    private final ByteBuffer application;
    private final ByteBuffer network;
    private final ByteBuffer received;

    SunJsseEnginePair(String suite, int recordSize) throws Exception {
        BenchmarkPki pki = new BenchmarkPki();
        client = context(pki, false).createSSLEngine("localhost", 443);
        server = context(pki, true).createSSLEngine();
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        for (SSLEngine engine : new SSLEngine[] {client, server}) {
            engine.setEnabledProtocols(new String[] {"TLSv1.2"});
            engine.setEnabledCipherSuites(new String[] {suite});
        }
        application = ByteBuffer.allocate(recordSize);
        network = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        received = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
        handshake();
        if (!suite.equals(client.getSession().getCipherSuite())) {
            throw new IllegalStateException("SunJSSE negotiated " + client.getSession().getCipherSuite());
        }
    }

    private static SSLContext context(BenchmarkPki pki, boolean server) throws GeneralSecurityException, java.io.IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (server) {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(pki.serverKeyStore(), BenchmarkPki.PASSWORD);
            context.init(keys.getKeyManagers(), null, null);
        } else {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(pki.trustStore());
            context.init(null, trust.getTrustManagers(), null);
        }
        return context;
    }

    /** Wraps and unwraps between the two engines until both finish the handshake. */
    private void handshake() throws SSLException {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer sink = ByteBuffer.allocate(1 << 17);
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < 1000; step++) {
            boolean clientDone = finished(client.getHandshakeStatus());
            boolean serverDone = finished(server.getHandshakeStatus());
            if (clientDone && serverDone) {
                return;
            }
            step(client, empty, toServer, toClient, sink);
            step(server, empty, toClient, toServer, sink);
        }
        throw new IllegalStateException("the SSLEngine handshake did not finish");
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

    /** The client seals one record of the application buffer; returns the record's length. */
    int seal() throws SSLException {
        application.clear();
        network.clear();
        SSLEngineResult result = client.wrap(application, network);
        if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() != application.capacity()) {
            throw new IllegalStateException("wrap: " + result);
        }
        return result.bytesProduced();
    }

    /** The server opens the record {@link #seal} just made; returns the plaintext length. */
    int open() throws SSLException {
        network.flip();
        received.clear();
        SSLEngineResult result = server.unwrap(network, received);
        if (result.getStatus() != SSLEngineResult.Status.OK) {
            throw new IllegalStateException("unwrap: " + result);
        }
        return result.bytesProduced();
    }
}
