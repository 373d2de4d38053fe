package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.trace.KeyLogWriter;
import org.layeredtls.record.ProtocolVersion;

/**
 * Wireshark decrypts our sessions with our key log: our client gets {@code openssl s_server -www}'s page over
 * TLS 1.3 (and TLS 1.2) on 127.0.0.1 with a {@link KeyLogWriter}; the bytes that passed are written as a pcap
 * ({@link SyntheticPcap}, no capture privileges needed) and {@code tshark -o tls.keylog_file:...} must show the
 * decrypted handshake messages (TLS 1.3: EncryptedExtensions, Certificate, CertificateVerify, Finished; TLS 1.2:
 * Finished) and the HTTP inside (the GET line and the page). Without the key log it must show none of them: the
 * decryption is our key log's doing. Our TLS 1.3 server's key log too, against {@code openssl s_client}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class KeyLogWiresharkDecryptionTest {

    private static final String GET = "GET / HTTP/1.0\r\n\r\n";
    /** Lines of tshark -V that only decryption can produce. */
    private static final String GET_LINE = "GET / HTTP/1.0\\r\\n";
    private static final String PAGE_LINE = "Ciphers supported in s_server binary";
    private static final String FINISHED = "Handshake Type: Finished (20)";
    private static final String SERVED = "Served by the LayeredTLS TLS 1.3 server";

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    /** One -www session of our client with a key log, written as pcap; returns the key log's lines. */
    private static List<String> capturePage(String name, TlsConfig.Builder config, String serverVersionOption,
                                           boolean keyUpdateFirst) throws Exception {
        Path keyLog = directory.resolve(name + ".keylog");
        Path pcap = directory.resolve(name + ".pcap");
        try (OpenSslServer www = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .option(serverVersionOption).www().directory(directory).start();
             KeyLogWriter keys = KeyLogWriter.appendingTo(keyLog)) {
            TappedSocket tapped = new TappedSocket(new InetSocketAddress("127.0.0.1", www.port()), (int) Exchange.WAIT.toMillis());
            String page;
            try (TlsSocket socket = TlsSocket.client(tapped, config.trustAnchors(pki.trustAnchors())
                    .serverName("localhost").observer(keys).build())) {
                socket.startHandshake();
                if (keyUpdateFirst) {
                    socket.keyUpdate(true); // Wireshark must follow both sides' next traffic secrets
                }
                socket.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                page = readAll(socket.getInputStream()); // s_server -www closes with close_notify after the page
            }
            assertTrue(page.contains(PAGE_LINE), page);
            SyntheticPcap.write(tapped.conversation(), pcap);
        }
        return Files.readAllLines(keyLog);
    }

    private static String dissect(String name, boolean withKeyLog) throws Exception {
        Path pcap = directory.resolve(name + ".pcap");
        return Tshark.dissect(pcap, withKeyLog ? Optional.of(directory.resolve(name + ".keylog")) : Optional.empty());
    }

    @Test
    void tsharkDecryptsATls13SessionWithOurKeyLog() throws Exception {
        List<String> keyLog = capturePage("tls13", TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3), "-tls1_3", false);
        assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
                "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"), labels(keyLog).sorted(KeyLogWiresharkDecryptionTest::byWiresharkOrder).toList(),
                String.join("\n", keyLog));

        String decrypted = dissect("tls13", true);
        for (String handshake : List.of("Handshake Type: Encrypted Extensions (8)", "Handshake Type: Certificate (11)",
                "Handshake Type: Certificate Verify (15)", FINISHED)) {
            assertTrue(decrypted.contains(handshake), () -> handshake + " not decrypted:\n" + tail(decrypted));
        }
        assertEquals(2, count(decrypted, FINISHED), "both Finished messages");
        assertTrue(decrypted.contains(GET_LINE), () -> "the GET line not decrypted:\n" + tail(decrypted));
        assertTrue(decrypted.contains(PAGE_LINE), () -> "the page not decrypted:\n" + tail(decrypted));

        String opaque = dissect("tls13", false);
        assertFalse(opaque.contains("Encrypted Extensions") || opaque.contains(FINISHED) || opaque.contains(GET_LINE)
                || opaque.contains(PAGE_LINE), () -> "decrypted without the key log?\n" + tail(opaque));
    }

    @Test
    void tsharkFollowsOurKeyUpdateAndThePeersAnswer() throws Exception {
        capturePage("tls13-keyupdate", TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3), "-tls1_3", true);
        String decrypted = dissect("tls13-keyupdate", true);
        assertEquals(2, count(decrypted, "Handshake Type: Key Update (24)"), () -> "ours and s_server's:\n" + tail(decrypted));
        assertTrue(decrypted.contains(GET_LINE), () -> "the GET line (under our second key) not decrypted:\n" + tail(decrypted));
        assertTrue(decrypted.contains(PAGE_LINE), () -> "the page (under s_server's second key) not decrypted:\n" + tail(decrypted));
    }

    @Test
    void tsharkDecryptsATls12SessionWithOurClientRandomLine() throws Exception {
        List<String> keyLog = capturePage("tls12", TlsConfig.builder(), "-tls1_2", false);
        assertEquals(List.of("CLIENT_RANDOM"), labels(keyLog).toList(), String.join("\n", keyLog));

        String decrypted = dissect("tls12", true);
        assertEquals(2, count(decrypted, FINISHED), () -> "both Finished messages:\n" + tail(decrypted));
        assertTrue(decrypted.contains(GET_LINE), () -> "the GET line not decrypted:\n" + tail(decrypted));
        assertTrue(decrypted.contains(PAGE_LINE), () -> "the page not decrypted:\n" + tail(decrypted));

        String opaque = dissect("tls12", false);
        assertFalse(opaque.contains(FINISHED) || opaque.contains(GET_LINE) || opaque.contains(PAGE_LINE),
                () -> "decrypted without the key log?\n" + tail(opaque));
    }

    @Test
    void tsharkDecryptsOurTls13ServerWithItsKeyLog() throws Exception {
        // the server's key log (it logs the client's random) opens a capture of our server and s_client
        Path keyLog = directory.resolve("server13.keylog");
        Path pcap = directory.resolve("server13.pcap");
        byte[] response = ("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + SERVED.length() + "\r\n\r\n"
                + SERVED).getBytes(StandardCharsets.US_ASCII);
        TestPki.Identity identity = pki.serverRsa();
        try (KeyLogWriter keys = KeyLogWriter.appendingTo(keyLog);
             TappedSocket.Listener listener = new TappedSocket.Listener();
             TlsServerSocket server = new TlsServerSocket(listener, TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_3)
                     .certificate(identity.chain(), identity.privateKey()).observer(keys).build());
             OpenSslClient client = OpenSslClient.builder(server.getLocalPort()).option("-tls1_3").caFile(pki.ca().certificate())
                     .servername("localhost").directory(directory).start()) {
            try (TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                socket.startHandshake();
                client.writeStdin(GET);
                assertEquals(GET, new String(socket.getInputStream().readNBytes(GET.length()), StandardCharsets.US_ASCII));
                socket.getOutputStream().write(response);
            }
            client.closeStdin();
            assertTrue(client.awaitExit(Exchange.WAIT).isPresent(), client::diagnostics);
            SyntheticPcap.write(listener.lastAccepted().conversation(), pcap);
        }
        String decrypted = Tshark.dissect(pcap, Optional.of(keyLog));
        for (String handshake : List.of("Handshake Type: Encrypted Extensions (8)", "Handshake Type: Certificate (11)",
                "Handshake Type: Certificate Verify (15)")) {
            assertTrue(decrypted.contains(handshake), () -> handshake + " not decrypted:\n" + tail(decrypted));
        }
        assertEquals(2, count(decrypted, FINISHED), () -> "both Finished messages:\n" + tail(decrypted));
        assertTrue(decrypted.contains(GET_LINE), () -> "s_client's GET line not decrypted:\n" + tail(decrypted));
        assertTrue(decrypted.contains(SERVED), () -> "our answer not decrypted:\n" + tail(decrypted));
        String opaque = Tshark.dissect(pcap, Optional.empty());
        assertFalse(opaque.contains(GET_LINE) || opaque.contains(SERVED), () -> "decrypted without the key log?\n" + tail(opaque));
    }

    private static Stream<String> labels(List<String> keyLog) {
        return keyLog.stream().map(line -> line.substring(0, line.indexOf(' ')));
    }

    private static int byWiresharkOrder(String a, String b) {
        List<String> order = List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        in.transferTo(page);
        return page.toString(StandardCharsets.US_ASCII);
    }
}
