package org.layeredtls.handshake.relay;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A TLS man in the middle that holds no certificate: it accepts a client, connects to the server,
 * and forwards records both ways, one connection after another, printing every record as
 * {@code -trace} does, opening protected records with a key log written by either endpoint, and
 * letting a {@link RelayInterceptor} modify, drop or inject records and handshake messages.
 * It never answers on behalf of a peer: every consequence of a tampering is the peers' own.
 *
 * <pre>
 *   client ── records ──▶ relay ── what the interceptor returns ──▶ server
 *   client ◀── what the interceptor returns ── relay ◀── records ── server
 * </pre>
 */
public final class Relay implements Closeable {

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final Supplier<RelayInterceptor> interceptors;
    private final Optional<Path> keyLogFile;
    private final PrintStream out;
    private Duration keyLogWait = DEFAULT_KEY_LOG_WAIT;

    /**
     * How long the relay waits, at a direction's first protected record, for the endpoint to write
     * the connection's key log line (a server writes it only after reading the ClientKeyExchange).
     */
    public static final Duration DEFAULT_KEY_LOG_WAIT = Duration.ofSeconds(2);

    /**
     * Listens on {@code bindAddress:port} (port 0: an ephemeral port).
     *
     * @param interceptors a fresh interceptor for each connection
     * @param keyLogFile   an NSS key log file one endpoint writes, to open protected records
     * @param out          where the trace and the connection events go
     */
    public Relay(InetAddress bindAddress, int port, InetSocketAddress server, Supplier<RelayInterceptor> interceptors,
                 Optional<Path> keyLogFile, PrintStream out) throws IOException {
        this.listener = new ServerSocket(port, 1, bindAddress);
        this.server = server;
        this.interceptors = interceptors;
        this.keyLogFile = keyLogFile;
        this.out = out;
    }

    /** Sets how long to wait for a key log line (default {@link #DEFAULT_KEY_LOG_WAIT}). */
    public Relay keyLogWait(Duration wait) {
        this.keyLogWait = wait;
        return this;
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    public InetAddress address() {
        return listener.getInetAddress();
    }

    /**
     * Relays {@code connections} connections one after another (negative: until closed); returns
     * when the last has ended on both sides.
     */
    public void serve(int connections) throws IOException, InterruptedException {
        for (int served = 0; connections < 0 || served < connections; served++) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                if (listener.isClosed()) {
                    return;
                }
                throw closed;
            }
            relay(client);
        }
    }

    private void relay(Socket client) throws IOException, InterruptedException {
        Socket upstream = new Socket();
        try {
            upstream.connect(server);
        } catch (IOException refused) {
            synchronized (out) {
                out.println("relay: cannot connect to " + server + ": " + refused.getMessage());
            }
            client.close();
            upstream.close();
            return;
        }
        synchronized (out) {
            out.println("relay: " + client.getRemoteSocketAddress() + " -> " + server);
            out.flush();
        }
        RelayDecryptor decryptor = new RelayDecryptor(keyLogFile.map(KeyLog::new), keyLogWait);
        new RelayConnection(client, upstream, interceptors.get(), decryptor, out).run();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
