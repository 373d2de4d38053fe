package org.layeredtls.handshake.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Supplier;

import org.layeredtls.handshake.relay.Relay;
import org.layeredtls.handshake.relay.RelayInterceptor;

/**
 * The man in the middle of a lab: a {@link Relay} on 127.0.0.1 and an ephemeral port in front of a
 * lab server, serving connections on a thread of its own, with a fresh interceptor per connection.
 * Its record trace is not printed: the lab narrates what the attacker does.
 */
final class LabRelay implements Closeable {

    private final Relay relay;
    private final Thread thread;

    LabRelay(int serverPort, Supplier<RelayInterceptor> interceptors) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.relay = new Relay(loopback, 0, new InetSocketAddress(loopback, serverPort), interceptors, Optional.empty(),
                new PrintStream(OutputStream.nullOutputStream()));
        this.thread = new Thread(this::serve, "lab relay :" + relay.port());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return relay.port();
    }

    private void serve() {
        try {
            relay.serve(-1);
        } catch (IOException | InterruptedException closed) {
            // the lab closed the relay: nothing more to forward
        }
    }

    @Override
    public void close() throws IOException {
        relay.close();
        try {
            thread.join(LabServer.READ_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
