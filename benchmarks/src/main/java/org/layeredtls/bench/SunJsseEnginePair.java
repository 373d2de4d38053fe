package org.layeredtls.bench;

import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.bench.peer.SslEngines;

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

    SunJsseEnginePair(BenchmarkPki pki, String suite, int recordSize) throws Exception {
        client = SslEngines.context(pki, null).createSSLEngine("localhost", 443);
        server = SslEngines.context(pki, pki.serverKeyStore()).createSSLEngine();
        SslEngines.configure(client, server, suite);
        application = ByteBuffer.allocate(recordSize);
        network = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        received = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
        SslEngines.handshake(client, server);
        if (!suite.equals(client.getSession().getCipherSuite())) {
            throw new IllegalStateException("SunJSSE negotiated " + client.getSession().getCipherSuite());
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
