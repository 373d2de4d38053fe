package org.layeredtls.bench.idle;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Future;

import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.record.ProtocolVersion;

/**
 * LayeredTLS: {@link TlsSocket} clients against a {@link TlsServerSocket}, default {@link TlsConfig} but for
 * the version, pinned to TLS 1.2 (ECDHE-RSA with AES-128-GCM against this RSA certificate; no session cache, so every
 * connection is a full handshake) or to TLS 1.3 (the defaults' TLS_AES_128_GCM_SHA256 on the X25519MLKEM768 key
 * share, to set against SunJSSE's defaults, which are TLS 1.3 too).
 */
final class LayeredTlsPairs implements ConnectionPairs {

    private final TlsConfig clientConfig;
    private final TlsServerSocket listener;
    private final AcceptingThread server = new AcceptingThread();

    private final CryptoBackend backend;
    private final ProtocolVersion version;

    LayeredTlsPairs(BenchmarkPki pki, CryptoBackend backend) throws IOException {
        this(pki, backend, ProtocolVersion.TLS1_2);
    }

    LayeredTlsPairs(BenchmarkPki pki, CryptoBackend backend, ProtocolVersion version) throws IOException {
        this.backend = backend;
        this.version = version;
        TlsConfig serverConfig = TlsConfig.builder()
                .versions(version, version)
                .certificate(List.of(pki.server.certificate(), pki.ca.certificate().certificate()),
                        pki.server.keyPair().privateKey())
                .cryptoBackend(backend)
                .build();
        clientConfig = TlsConfig.builder().versions(version, version).serverName("localhost")
                .trustAnchors(List.of(pki.ca.certificate().certificate())).cryptoBackend(backend).build();
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, serverConfig);
    }

    @Override
    public String name() {
        return ProtocolVersion.TLS1_3.equals(version)
                ? "LayeredTLS TlsSocket, TLS 1.3 (defaults: X25519MLKEM768, AES-128-GCM), " + backend + " crypto"
                : "LayeredTLS TlsSocket, TLS 1.2 ECDHE-RSA AES-128-GCM, " + backend + " crypto";
    }

    @Override
    public Closeable openPair() throws Exception {
        Future<TlsSocket> accepted = server.submit(() -> {
            TlsSocket socket = listener.accept();
            socket.socket().setTcpNoDelay(true);
            socket.startHandshake();
            ConnectionPairs.serverExchange(socket.getInputStream(), socket.getOutputStream());
            return socket;
        });
        TlsSocket client = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), clientConfig);
        client.socket().setTcpNoDelay(true);
        client.startHandshake();
        ConnectionPairs.expectVersion(version, client.session().version());
        ConnectionPairs.clientExchange(client.getInputStream(), client.getOutputStream());
        TlsSocket serverSocket = AcceptingThread.await(accepted);
        // The pair holds the two TlsSockets, as an application holds its connections (holding only the sockets
        // underneath left the TLS state to the garbage collector, and the figure at a plain socket's). They are
        // closed by their sockets: a TLS close would wait (closeTimeout) for a close_notify that an idle peer,
        // which nobody reads, never answers.
        return ConnectionPairs.pair(() -> client.socket().close(), () -> serverSocket.socket().close());
    }

    @Override
    public void close() throws IOException {
        server.closeWith(listener);
    }
}
