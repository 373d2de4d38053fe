package org.layeredtls.handshake.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.testing.HandshakeServer;

/**
 * LayeredTLS as the probed peer: our {@link HandshakeServer} (one accepted connection per probe: the handshake,
 * then reading until the end; the application data {@code "renegotiate"} makes it send a HelloRequest), and our
 * {@link TlsSocket} client for server-role probes.
 */
final class LayeredTlsTarget implements ProbeTarget {

    /** The same suites as {@link OpenSslTarget#CIPHERS}. */
    static final List<CipherSuite> SUITES = List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
    private static final byte[] RENEGOTIATE = "renegotiate".getBytes(StandardCharsets.US_ASCII);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private final HandshakeServer server;
    private final ExecutorService clients = Executors.newSingleThreadExecutor(r -> new Thread(r, "probe client"));

    LayeredTlsTarget() throws IOException {
        this.server = HandshakeServer.bind(CataloguePki.server().cipherSuites(SUITES)
                .sessionCache(new InMemorySessionCache(100, Duration.ofHours(1))).build(), READ_TIMEOUT);
    }

    @Override
    public String name() {
        return "LayeredTLS";
    }

    @Override
    public ConversationResult runAgainstServer(Conversation conversation) throws Exception {
        Future<Void> serving = server.accept(LayeredTlsTarget::serve);
        try {
            return conversation.runAsClient("127.0.0.1", server.port());
        } finally {
            awaitQuietly(serving);
        }
    }

    /** The handshake, then reads until the end, renegotiating when asked. */
    private static Void serve(TlsSocket socket) throws IOException {
        socket.startHandshake();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (Arrays.equals(Arrays.copyOf(buffer, n), RENEGOTIATE)) {
                socket.renegotiate();
            }
        }
        return null;
    }

    @Override
    public ConversationResult runFacingClient(Conversation conversation) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TlsConfig config = CataloguePki.client().cipherSuites(SUITES).build();
            int port = listener.getLocalPort();
            Future<Void> client = clients.submit(() -> {
                try (TlsSocket socket = TlsSocket.connect("127.0.0.1", port, config)) {
                    socket.socket().setSoTimeout((int) READ_TIMEOUT.toMillis());
                    socket.startHandshake();
                }
                return null;
            });
            try {
                return conversation.runAsServer(listener);
            } finally {
                awaitQuietly(client);
            }
        }
    }

    @Override
    public void askServerToRenegotiate(Conversation conversation) {
        conversation.sendApplicationData(RENEGOTIATE);
    }

    /** Waits for the peer's side to end; how it ended is the conversation's business, not this wait's. */
    private static void awaitQuietly(Future<?> future) throws InterruptedException {
        try {
            future.get(HandshakeServer.BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException expected) {
            future.cancel(true); // the probe's whole point is often to make this side fail
        }
    }

    @Override
    public void close() throws IOException {
        clients.shutdownNow();
        server.close();
    }
}
