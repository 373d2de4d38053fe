package org.layeredtls.handshake.lab;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * A server of this stack on 127.0.0.1 and an ephemeral port, for one lab: it accepts connections one
 * after another on a thread of its own and hands each to a {@link Service}; what went wrong on each
 * connection (the alert this server sent, the peer's alert) is kept in {@link #failures()}.
 */
final class LabServer implements Closeable {

    /** What the server does with one connection (its handshake runs on first use). */
    @FunctionalInterface
    interface Service {
        void serve(TlsSocket connection) throws IOException;
    }

    /** How long a lab waits for a peer that says nothing, at most. */
    static final int READ_TIMEOUT_MILLIS = 10_000;

    private final TlsServerSocket listener;
    private final Service service;
    private final List<String> failures = new ArrayList<>();
    private final Thread thread;

    LabServer(TlsConfig config, Service service) throws IOException {
        this.listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
        this.service = service;
        this.thread = new Thread(this::serve, "lab server :" + listener.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** What each failed connection ended with, in order ("handshake layer: ... (bad_record_mac)"). */
    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /**
     * The first failure that matches, waiting for it at most {@code millis}: a peer may see our alert
     * before this server's thread has recorded the failure that sent it.
     */
    Optional<String> awaitFailure(Predicate<String> matching, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (failures) {
            while (true) {
                Optional<String> found = failures.stream().filter(matching).findFirst();
                long left = deadline - System.nanoTime();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                TimeUnit.NANOSECONDS.timedWait(failures, left);
            }
        }
    }

    private void serve() {
        while (!listener.isClosed()) {
            TlsSocket connection;
            try {
                connection = listener.accept();
            } catch (IOException closed) {
                return;
            }
            try (connection) {
                connection.socket().setSoTimeout(READ_TIMEOUT_MILLIS);
                service.serve(connection);
            } catch (IOException | RuntimeException failed) { // one connection's end, never the server's
                synchronized (failures) {
                    failures.add(String.valueOf(failed.getMessage()));
                    failures.notifyAll();
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            thread.join(READ_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
