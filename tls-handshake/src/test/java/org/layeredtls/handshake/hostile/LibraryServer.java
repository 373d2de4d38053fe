package org.layeredtls.handshake.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.RawPeer;

/**
 * A {@link TlsServerSocket} in this JVM, served the way an application using the library serves it: one
 * thread accepts and serves each connection in turn (a TLS echo), and whatever one connection does ends that
 * connection only, as one log line. An exception that is neither an {@link IOException} nor an alert is a bug
 * of the library (no other exception may escape, DESIGN.md): it is logged and counted in {@link #escaped()}.
 */
final class LibraryServer implements ServerUnderTest {

    private final TlsServerSocket listener;
    private final Duration readTimeout;
    private final Thread acceptor;
    private final List<String> log = new ArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger escaped = new AtomicInteger();
    private volatile boolean closed;

    private LibraryServer(TlsConfig config, Duration readTimeout) throws IOException {
        this.listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
        this.readTimeout = readTimeout;
        this.acceptor = new Thread(this::acceptLoop, "hostile suite TlsServerSocket");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Serves {@code config} on an ephemeral port. {@code readTimeout} is the socket timeout the application
     * sets on each accepted connection (zero: none, as the library's default).
     */
    static LibraryServer start(TlsConfig config, Duration readTimeout) throws IOException {
        return new LibraryServer(config, readTimeout);
    }

    private void acceptLoop() {
        while (!closed) {
            TlsSocket socket;
            try {
                socket = listener.accept();
            } catch (SocketException closed) {
                return; // close() closed the listener
            } catch (IOException e) {
                log("accept: " + e);
                continue;
            }
            serve(socket);
        }
    }

    private void serve(TlsSocket socket) {
        try (socket) {
            socket.socket().setSoTimeout((int) readTimeout.toMillis());
            socket.startHandshake();
            handshakes.incrementAndGet();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            log("connection ended: " + e);
        } catch (RuntimeException | Error e) {
            escaped.incrementAndGet();
            log("ESCAPED " + e);
        }
    }

    private void log(String line) {
        synchronized (log) {
            log.add(line);
        }
    }

    /** Handshakes completed so far. */
    int handshakes() {
        return handshakes.get();
    }

    /** Exceptions other than IOException (alerts included) that escaped the library. */
    int escaped() {
        return escaped.get();
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public boolean isAlive() {
        return acceptor.isAlive();
    }

    @Override
    public String log() {
        synchronized (log) {
            List<String> tail = log.subList(Math.max(0, log.size() - 40), log.size());
            return (isAlive() ? "(accepting)" : "(accept loop ended)") + ", " + handshakes() + " handshakes\n"
                    + String.join("\n", tail);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
            acceptor.join(RawPeer.BOUND.toMillis());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
