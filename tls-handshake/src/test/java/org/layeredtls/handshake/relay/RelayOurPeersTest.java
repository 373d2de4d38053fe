package org.layeredtls.handshake.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.interop.OpenSslClient;
import org.layeredtls.handshake.interop.OpenSslServer;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.relay.examples.TruncateBeforeCloseNotify;
import org.layeredtls.handshake.trace.KeyLogWriter;
import org.layeredtls.record.ProtocolVersion;

/**
 * The relay between our stack and OpenSSL: a key log written by our client opens the records, and
 * our server's view of a truncated connection.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RelayOurPeersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @Test
    void aKeyLogWrittenByOurClientOpensTheRecordsItExchangesWithOpenSsl() throws Exception {
        Path keyLog = directory.resolve("our-client-keys.txt");
        byte[] data = "our client, relayed\n".getBytes(StandardCharsets.US_ASCII);
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate())
                .key(pki.serverRsa().key()).noTls1_3().naccept(1).directory(directory).start();
             RunningRelay relay = new RunningRelay(server.port(), () -> new RelayInterceptor() {
             }, Optional.of(keyLog));
             KeyLogWriter keys = KeyLogWriter.appendingTo(keyLog)) {
            TlsConfig config = TlsConfig.builder().trustAnchors(pki.trustAnchors()).serverName("localhost")
                    .observer(keys).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", relay.port(), config)) {
                socket.getOutputStream().write(data);
                assertTrue(server.awaitStdout(Pattern.compile("our client, relayed"), 0, WAIT).isPresent(),
                        server.diagnostics());
            }
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            String trace = relay.trace();
            assertEquals(2, count(trace, "    Finished, Length=12"), trace);
            assertTrue(trace.contains("application_data (len=" + data.length + ")"), trace);
            assertFalse(trace.contains("not opened"), trace);
        }
    }

    @Test
    void ourServerReadsTheEndOfATruncatedStreamAsAnEndButSeesNoCloseNotify() throws Exception {
        List<Alert> received = new CopyOnWriteArrayList<>();
        TlsObserver alerts = new TlsObserver() {
            @Override
            public void alertReceived(Alert alert) {
                received.add(alert);
            }
        };
        // TLS 1.2: the relay finds the close_notify by its record's content type, which TLS 1.3 hides
        TlsConfig config = TlsConfig.builder().certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey())
                .maxVersion(ProtocolVersion.TLS1_2).observer(alerts).build();
        try (TlsServerSocket server = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
             RunningRelay relay = new RunningRelay(server.getLocalPort(), TruncateBeforeCloseNotify::new,
                     Optional.empty())) {
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                try (TlsSocket socket = server.accept()) {
                    return readAll(socket.getInputStream());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (OpenSslClient client = OpenSslClient.builder(relay.port()).directory(directory).start()) {
                assertTrue(client.awaitHandshake(WAIT), client.diagnostics());
                client.writeStdin("before the cut\n");
                assertEquals(Optional.of(0), client.finish(WAIT), client.diagnostics());
            }
            // RFC 5246 §7.2.1: a stream that ends without close_notify after the handshake is not an
            // error to our socket (read returns -1, as on a clean close); only the observer tells.
            assertArrayEquals("before the cut\n".getBytes(StandardCharsets.US_ASCII),
                    read.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            assertTrue(relay.trace().contains("relay: interceptor truncated the connection"), relay.trace());
            assertTrue(received.stream().noneMatch(a -> a.description() == AlertDescription.CLOSE_NOTIFY),
                    received.toString());
        }
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
