package org.layeredtls.handshake.engine;

import java.io.IOException;
import java.util.function.IntSupplier;

/**
 * A client and a server {@link TlsEngine} wired to each other in memory: one thread runs a whole
 * session (handshake, application data both ways, renegotiation, close_notify) by moving each
 * engine's output to the other's input. For tests, labs and benchmarks: no socket, no thread.
 *
 * <pre>
 *   EnginePair pair = TlsEngine.pair(clientConfig, serverConfig);
 *   pair.handshake();
 *   pair.client().writeApplicationData(request);
 *   pair.shuttle();                                  // the server has it now
 *   pair.server().readApplicationData(buffer, 0, buffer.length);
 * </pre>
 *
 * <p>The client's peer is {@value #PEER_HOST}, port {@value #PEER_PORT}: the name its certificate
 * check expects unless the client's {@code TlsConfig.serverName} says otherwise.
 */
public final class EnginePair {

    /** The host name the client believes it talks to. */
    public static final String PEER_HOST = "localhost";
    /** The port the client believes it talks to (it only keys the client's session store). */
    public static final int PEER_PORT = 443;

    private final TlsEngine client;
    private final TlsEngine server;

    EnginePair(TlsEngine client, TlsEngine server) {
        this.client = client;
        this.server = server;
    }

    public TlsEngine client() {
        return client;
    }

    public TlsEngine server() {
        return server;
    }

    /** Runs the first handshake: begins both, then moves bytes until both are done. */
    public void handshake() throws IOException {
        handshake(() -> Integer.MAX_VALUE);
    }

    /** {@link #handshake()}, delivering each engine's output in pieces of the sizes {@code chunkSizes} gives. */
    public void handshake(IntSupplier chunkSizes) throws IOException {
        client.beginHandshake();
        server.beginHandshake();
        shuttle(chunkSizes);
        if (!client.isHandshakeDone() || !server.isHandshakeDone()) {
            throw new IOException("engine pair: the handshake stalled, each side waits for the other (client "
                    + (client.isHandshakeDone() ? "done" : "not done") + ", server "
                    + (server.isHandshakeDone() ? "done" : "not done") + ")");
        }
    }

    /**
     * Moves each engine's output to the other until neither has anything to send.
     *
     * @return how many bytes moved
     */
    public long shuttle() throws IOException {
        return shuttle(() -> Integer.MAX_VALUE);
    }

    /** {@link #shuttle()}, delivering in pieces of the sizes {@code chunkSizes} gives (at least 1 byte each). */
    public long shuttle(IntSupplier chunkSizes) throws IOException {
        long moved = 0;
        while (true) {
            long step = move(client, server, chunkSizes) + move(server, client, chunkSizes);
            if (step == 0) {
                return moved;
            }
            moved += step;
        }
    }

    private static long move(TlsEngine from, TlsEngine to, IntSupplier chunkSizes) throws IOException {
        byte[] bytes = from.readOutput();
        int at = 0;
        while (at < bytes.length) {
            int n = Math.max(1, Math.min(chunkSizes.getAsInt(), bytes.length - at));
            to.offerInput(bytes, at, n);
            at += n;
        }
        return bytes.length;
    }
}
