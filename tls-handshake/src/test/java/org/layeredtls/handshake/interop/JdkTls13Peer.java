package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's own TLS 1.3 (SunJSSE) in this JVM, as a peer of our stack: an {@code SSLContext("TLSv1.3")} with the
 * test PKI loaded into KeyStores, an echoing {@link SSLServerSocket} and an {@link SSLSocket} client. Test code
 * standing in for another implementation (JSSE and JCA used freely); the stack under test never uses them.
 * Unlike {@link JssePeer} (a forked JVM for SSL 3.0 and legacy suites) it needs no security properties:
 * TLS 1.3 with its three AEAD suites is in the JDK's defaults.
 */
final class JdkTls13Peer {

    static final String PROTOCOL = "TLSv1.3";
    private static final char[] PASSWORD = "peer".toCharArray();

    private JdkTls13Peer() {
    }

    /**
     * The one protocol a JDK peer enables for {@code suite}: TLSv1.3 for a TLS 1.3 suite (whose name says no key
     * exchange: no "_WITH_", RFC 8446 §B.4), TLSv1.2 for any other, so a 1.2 suite makes a peer that speaks no 1.3.
     */
    static String protocolOf(String suite) {
        return suite.contains("_WITH_") ? "TLSv1.2" : PROTOCOL;
    }

    /** A TLS 1.3 context trusting the test CA, presenting {@code identity} (none if null). */
    static SSLContext context(TestPki pki, TestPki.Identity identity) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (identity != null) {
            keys.setKeyEntry("peer", JssePeer.readKey(identity.key()), PASSWORD,
                    JssePeer.readCertificates(identity.certificate()));
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", JssePeer.readCertificates(pki.ca().certificate())[0]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance(PROTOCOL);
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }

    /** What the JDK side saw of one connection: its session, the bytes it echoed (or read), or what went wrong. */
    record Outcome(SSLSession session, long bytes, Optional<Exception> failure) {
        String describe() {
            return failure.map(e -> "JDK side failed: " + e).orElseGet(() -> "JDK side: " + session.getProtocol() + " "
                    + session.getCipherSuite() + ", " + bytes + " bytes");
        }
    }

    /** An SSLSocket client ({@link #protocolOf} the suite): handshake, {@code data} sent while the echo is read back, close_notify. */
    static Outcome echoClient(SSLContext context, int port, String suite, byte[] data) {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) Exchange.WAIT.toMillis());
            socket.setEnabledProtocols(new String[] {protocolOf(suite)});
            socket.setEnabledCipherSuites(new String[] {suite});
            socket.startHandshake();
            byte[] back = EchoStreams.roundTrip(socket.getInputStream(), socket.getOutputStream(), data);
            if (!java.util.Arrays.equals(data, back)) {
                return new Outcome(socket.getSession(), back.length,
                        Optional.of(new IOException("echo differs: " + back.length + " of " + data.length + " bytes")));
            }
            return new Outcome(socket.getSession(), back.length, Optional.empty());
        } catch (Exception e) {
            return new Outcome(null, 0, Optional.of(e));
        }
    }

    /**
     * An {@link SSLServerSocket} on 127.0.0.1 that serves one connection at a time: handshake, echo every byte
     * until the client's close_notify, then its own close_notify; the {@link Outcome} of each connection is
     * queued for {@link #nextOutcome()}.
     */
    static final class EchoServer implements AutoCloseable {

        private final SSLServerSocket listener;
        private final Thread acceptor;
        private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

        EchoServer(SSLContext context, String suite, boolean needClientAuth) throws IOException {
            listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            listener.setEnabledProtocols(new String[] {protocolOf(suite)});
            listener.setEnabledCipherSuites(new String[] {suite});
            listener.setNeedClientAuth(needClientAuth);
            acceptor = new Thread(this::serve, "jdk-tls13-echo-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        /** The outcome of the next connection, waiting at most {@link Exchange#WAIT}. */
        Outcome nextOutcome() throws InterruptedException {
            Outcome outcome = outcomes.poll(Exchange.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return outcome != null ? outcome
                    : new Outcome(null, 0, Optional.of(new SocketTimeoutException("no connection ended in " + Exchange.WAIT)));
        }

        private void serve() {
            while (!listener.isClosed()) {
                SSLSocket socket;
                try {
                    socket = (SSLSocket) listener.accept();
                } catch (IOException closed) {
                    return; // close() closed the listener
                }
                outcomes.add(echo(socket));
            }
        }

        private static Outcome echo(SSLSocket socket) {
            try (socket) {
                socket.setSoTimeout((int) Exchange.WAIT.toMillis());
                socket.startHandshake();
                long total = EchoStreams.echoUntilEnd(socket.getInputStream(), socket.getOutputStream());
                return new Outcome(socket.getSession(), total, Optional.empty());
            } catch (Exception e) {
                return new Outcome(socket.getSession(), 0, Optional.of(e));
            }
        }

        @Override
        public void close() throws Exception {
            listener.close();
            acceptor.join(Exchange.WAIT.toMillis());
        }
    }
}
