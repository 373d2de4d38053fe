package org.layeredtls.handshake.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * Our server on 127.0.0.1 and an ephemeral port, in this JVM: it accepts one connection at a time in the
 * background (in the order the test asks), runs what the test gives it on each, and the test waits for the
 * result with a bound. Close it in {@code finally} or try-with-resources.
 */
public final class HandshakeServer implements AutoCloseable {

    /** The bound a test waits for one connection's outcome. */
    public static final Duration BOUND = Duration.ofSeconds(20);

    /** How one connection's handshake ended: its session, or what it failed with. */
    public record Outcome(SessionInfo session, Exception failure) {

        /** The alert the handshake failed with (the test fails if it ended otherwise). */
        public TlsAlertException alert() {
            return assertInstanceOf(TlsAlertException.class, failure, "the handshake ended with " + failure);
        }
    }

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Serving<T> {
        T serve(TlsSocket socket) throws Exception;
    }

    private final TlsServerSocket listener;
    private final Duration readTimeout;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "HandshakeServer"));

    private HandshakeServer(TlsConfig config, Duration readTimeout) throws IOException {
        this.listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
        this.readTimeout = readTimeout;
    }

    /** Serves {@code config}; accepted sockets keep the library's default read timeout (none). */
    public static HandshakeServer bind(TlsConfig config) throws IOException {
        return new HandshakeServer(config, Duration.ZERO);
    }

    /** Serves {@code config}; each accepted socket gets {@code readTimeout} as its SO_TIMEOUT, as an application sets. */
    public static HandshakeServer bind(TlsConfig config, Duration readTimeout) throws IOException {
        return new HandshakeServer(config, readTimeout);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Accepts the next connection and runs {@code serving} on it; the socket is closed afterwards. */
    public <T> Future<T> accept(Serving<T> serving) {
        return background.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.socket().setSoTimeout((int) readTimeout.toMillis());
                return serving.serve(socket);
            }
        });
    }

    /** Accepts the next connection and runs its handshake: the outcome is its session, or what ended it. */
    public Future<Outcome> acceptOne() {
        return accept(socket -> {
            try {
                socket.startHandshake();
                return new Outcome(socket.session(), null);
            } catch (Exception failure) {
                return new Outcome(null, failure);
            }
        });
    }

    /** What a connection's serving returned, waited for with {@link #BOUND}. */
    public static <T> T await(Future<T> future) throws Exception {
        return future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What ended a handshake accepted with {@link #acceptOne()} (null when it completed), waited for with {@link #BOUND}. */
    public static Exception failureOf(Future<Outcome> outcome) throws Exception {
        return await(outcome).failure();
    }

    @Override
    public void close() throws IOException {
        background.shutdownNow();
        listener.close();
    }
}
