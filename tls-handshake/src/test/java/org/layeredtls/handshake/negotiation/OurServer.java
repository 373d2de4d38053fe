package org.layeredtls.handshake.negotiation;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;

/** Our server on 127.0.0.1 and an ephemeral port, one connection at a time, each handshake run in the background. */
final class OurServer implements AutoCloseable {

    /** How one connection's handshake ended: its session, or the alert it failed with. */
    record Outcome(SessionInfo session, TlsAlertException failure) {
    }

    private final TlsServerSocket listener;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    OurServer(TlsConfig config) throws IOException {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Accepts the next connection and runs its handshake; then reads until the peer goes. */
    Future<Outcome> acceptOne() {
        return background.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                try {
                    socket.startHandshake();
                } catch (TlsAlertException failure) {
                    return new Outcome(null, failure);
                }
                return new Outcome(socket.session(), null);
            }
        });
    }

    /** The outcome of an accepted connection, waited for with a bound. */
    static Outcome outcome(Future<Outcome> future) throws Exception {
        return future.get(RawTls.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        background.shutdownNow();
        listener.close();
    }
}
