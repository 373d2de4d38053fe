package org.layeredtls.handshake.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link Relay} on 127.0.0.1 and an ephemeral port, relaying one connection on its own thread,
 * its trace kept in memory. Closing it closes the listener and waits (bounded) for the thread.
 */
public final class RunningRelay implements AutoCloseable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Relay relay;
    private final Thread thread;

    public RunningRelay(int serverPort, Supplier<RelayInterceptor> interceptor, Optional<Path> keyLog) throws IOException {
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        relay = new Relay(loopback, 0, new InetSocketAddress(loopback, serverPort), interceptor, keyLog, out);
        thread = new Thread(() -> {
            try {
                relay.serve(1);
            } catch (IOException e) {
                out.println("relay failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "relay under test");
        thread.start();
    }

    public int port() {
        return relay.port();
    }

    /** Waits (bounded) until both sides of the relayed connection have ended; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return !thread.isAlive();
    }

    public String trace() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            relay.close();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
