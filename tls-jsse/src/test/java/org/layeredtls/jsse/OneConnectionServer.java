package org.layeredtls.jsse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An SSLServerSocket of any provider (ours or SunJSSE) on 127.0.0.1 and an ephemeral port that serves one
 * connection on its own thread: reads a line, answers "echo LINE", and reports what its side of the
 * session says. Every wait is bounded; {@link #close()} closes the listener.
 */
final class OneConnectionServer implements AutoCloseable {

    /**
     * What the server side saw. {@code peer} is the client certificate's subject, or null without one;
     * {@code local} the subject of the certificate the server sent.
     */
    record Served(String line, String protocol, String cipherSuite, String peer, String local, String applicationProtocol,
                  List<SNIServerName> requestedServerNames) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;

    private final SSLServerSocket listener;
    private final CompletableFuture<Served> served;

    /** {@code configure} sets up the listening socket (client auth, protocols, ALPN) before it accepts. */
    OneConnectionServer(SSLContext context, java.util.function.Consumer<SSLServerSocket> configure) throws IOException {
        this.listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        configure.accept(listener);
        this.served = CompletableFuture.supplyAsync(this::serve);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** What the one connection showed (bounded wait); the cause of a failure is the server side's exception. */
    Served served() throws Exception {
        return served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private Served serve() {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            OutputStream out = socket.getOutputStream();
            out.write(("echo " + line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            SSLSession session = socket.getSession();
            String peer;
            try {
                peer = session.getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                peer = null;
            }
            List<SNIServerName> names = session instanceof ExtendedSSLSession extended ? extended.getRequestedServerNames() : List.of();
            String local = session.getLocalPrincipal() == null ? null : session.getLocalPrincipal().getName();
            Served result = new Served(line, session.getProtocol(), session.getCipherSuite(), peer, local,
                    socket.getApplicationProtocol(), names);
            // until the client closes: its close_notify is answered by ours
            while (in.read() >= 0) {
                continue;
            }
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends {@code line} on a connected client socket and returns the answer's line. */
    static String exchange(SSLSocket socket, String line) throws IOException {
        socket.setSoTimeout(TIMEOUT_MILLIS);
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
