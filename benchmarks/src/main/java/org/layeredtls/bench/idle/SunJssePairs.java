package org.layeredtls.bench.idle;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.util.concurrent.Future;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.layeredtls.bench.peer.SslEngines;

/**
 * SunJSSE, the JDK's own TLS: {@link SSLSocket} clients against an {@link SSLServerSocket}, with the
 * benchmark's certificate and CA. {@code tls12} pins TLS 1.2 and ECDHE-RSA with AES-128-GCM (the
 * same protocol work as LayeredTLS); otherwise the JDK's defaults (TLS 1.3). The client's session
 * is invalidated after each handshake so that the next connection is a full handshake too (as in
 * LayeredTLS, which has no client session store by default); the server's session cache is left
 * as the JDK has it.
 */
final class SunJssePairs implements ConnectionPairs {

    private static final String[] TLS12 = {"TLSv1.2"};
    private static final String[] ECDHE_RSA_AES_128_GCM = {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"};

    private final boolean tls12;
    private final SSLContext clientContext;
    private final SSLServerSocket listener;
    private final AcceptingThread server = new AcceptingThread();

    SunJssePairs(BenchmarkPki pki, boolean tls12) throws GeneralSecurityException, IOException {
        this.tls12 = tls12;
        SSLContext serverContext = SslEngines.context(pki, pki.serverKeyStore());
        clientContext = SslEngines.context(pki, null);
        listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        if (tls12) {
            listener.setEnabledProtocols(TLS12);
            listener.setEnabledCipherSuites(ECDHE_RSA_AES_128_GCM);
        }
    }

    @Override
    public String name() {
        return tls12 ? "SunJSSE SSLSocket, TLS 1.2 ECDHE-RSA AES-128-GCM" : "SunJSSE SSLSocket, JDK defaults (TLS 1.3)";
    }

    @Override
    public Closeable openPair() throws Exception {
        Future<SSLSocket> accepted = server.submit(() -> {
            SSLSocket socket = (SSLSocket) listener.accept();
            socket.setTcpNoDelay(true);
            socket.startHandshake();
            ConnectionPairs.serverExchange(socket.getInputStream(), socket.getOutputStream());
            return socket;
        });
        SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
                .createSocket(listener.getInetAddress(), listener.getLocalPort());
        client.setTcpNoDelay(true);
        if (tls12) {
            client.setEnabledProtocols(TLS12);
            client.setEnabledCipherSuites(ECDHE_RSA_AES_128_GCM);
        }
        client.startHandshake();
        ConnectionPairs.clientExchange(client.getInputStream(), client.getOutputStream());
        client.getSession().invalidate();
        SSLSocket serverSocket = AcceptingThread.await(accepted);
        return ConnectionPairs.pair(client, serverSocket);
    }

    @Override
    public void close() throws IOException {
        server.closeWith(listener);
    }
}
