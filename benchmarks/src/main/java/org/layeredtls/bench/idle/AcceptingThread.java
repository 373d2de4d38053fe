package org.layeredtls.bench.idle;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one helper thread a stack's server side runs on: it accepts and handshakes while the
 * benchmark's own thread runs the client, then the pair sits idle with no thread of its own.
 * Every wait is bounded.
 */
final class AcceptingThread implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "idle-heap-server");
        thread.setDaemon(true);
        return thread;
    });

    <T> Future<T> submit(Callable<T> serverSide) {
        return executor.submit(serverSide);
    }

    /** The server side's result, waited for at most 30 s. */
    static <T> T await(Future<T> serverSide) throws Exception {
        return serverSide.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Closes the {@code listener} this thread accepts on, then the thread (an interrupt is kept for the caller). */
    void closeWith(Closeable listener) throws IOException {
        listener.close();
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
