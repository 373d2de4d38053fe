package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.2: session resumption (ID and ticket), renegotiation both ways, extended master secret and encrypt-then-MAC,
 * max_fragment_length and 1-byte records, each against OpenSSL.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionFeaturesInteropTest {

    private static final Duration WAIT = Exchange.WAIT;
    private static final CipherSuite CBC = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
    private static final CipherSuite GCM = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static OpenSslServer.Builder sServer() {
        return OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key()).tls1_2()
                .directory(directory);
    }

    private static TlsConfig.Builder ourClient(CipherSuite suite) throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_2).cipherSuites(suite).trustAnchors(pki.trustAnchors())
                .serverName("localhost");
    }

    private static TlsConfig.Builder ourServer() throws Exception {
        return TlsConfig.builder().maxVersion(ProtocolVersion.TLS1_2).cipherSuites(CBC, GCM)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey());
    }

    private static OpenSslClient.Builder sClient(int port) {
        return OpenSslClient.builder(port).tls1_2().caFile(pki.ca().certificate()).verifyReturnError()
                .servername("localhost").directory(directory);
    }

    /** -msg output goes to a file (msg_cb flushes after each message): stdout keeps only the data. */
    private static Path msgFile(String name) {
        return directory.resolve(name + "-" + System.nanoTime() + ".msg");
    }

    private static String read(Path file) throws java.io.IOException {
        return java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }

    /** The -msgfile path given to {@code client}. */
    private static Path msgLog(OpenSslClient client) {
        Matcher matcher = Pattern.compile("-msgfile (\\S+)").matcher(client.description());
        return matcher.find() ? Path.of(matcher.group(1)) : directory.resolve("none");
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    // ---- resumption ----

    @ParameterizedTest(name = "our client resumes against s_server by {0}")
    @ValueSource(strings = {"session ID", "ticket"})
    void ourClientResumesAgainstSServer(String how) throws Exception {
        boolean tickets = how.equals("ticket");
        OpenSslServer.Builder builder = sServer();
        if (!tickets) {
            builder.noTicket();
        }
        TlsConfig config = ourClient(GCM).sessionTickets(tickets)
                .clientSessionStore(new InMemoryClientSessionStore(16)).build();
        try (OpenSslServer server = builder.start()) {
            List<SessionInfo> sessions = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int mark = server.stdoutSize();
                try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
                    Exchange.bound(socket);
                    socket.startHandshake();
                    sessions.add(socket.session());
                    Exchange.bothWays(socket, server, 4096);
                }
                assertTrue(server.awaitCleanClose(mark, WAIT), server::diagnostics);
            }
            assertFalse(sessions.get(0).resumed());
            assertTrue(sessions.get(1).resumed(), () -> "second connection not resumed:\n" + server.diagnostics());
        }
    }

    @ParameterizedTest(name = "s_client -reconnect resumes against our server by {0}")
    @ValueSource(strings = {"session ID", "ticket"})
    void sClientResumesAgainstOurServer(String how) throws Exception {
        boolean tickets = how.equals("ticket");
        TlsConfig.Builder config = ourServer().sessionCache(new InMemorySessionCache(100, Duration.ofMinutes(10)))
                .sessionTickets(tickets);
        if (tickets) {
            config.ticketProtector(TicketProtector.withDefaults());
        }
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config.build())) {
            OpenSslClient.Builder builder = sClient(server.getLocalPort()).reconnect();
            if (!tickets) {
                builder.noTicket();
            }
            CompletableFuture<List<Boolean>> accepted = CompletableFuture.supplyAsync(() -> {
                List<Boolean> resumed = new ArrayList<>();
                try {
                    for (int i = 0; i < 6; i++) {   // the first connection and five reconnections
                        try (TlsSocket socket = server.accept()) {
                            Exchange.bound(socket);
                            socket.startHandshake();
                            resumed.add(socket.session().resumed());
                            if (i < 5) {
                                socket.getInputStream().read();  // s_client's close_notify before it reconnects
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return resumed;
            });
            try (OpenSslClient sClient = builder.start()) {
                List<Boolean> resumed = accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(List.of(false, true, true, true, true, true), resumed, sClient::diagnostics);
                sClient.closeStdin();
                sClient.awaitExit(WAIT);
                assertEquals(5, sClient.reusedCount(), sClient::diagnostics);
            }
        }
    }

    // ---- renegotiation ----

    @Test
    void ourClientRenegotiatesWithSServer() throws Exception {
        Path msg = msgFile("server");
        try (OpenSslServer server = sServer().clientRenegotiation().msg().option("-msgfile", msg.toString()).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), ourClient(GCM).build())) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertTrue(socket.session().secureRenegotiation());
            Exchange.bothWays(socket, server, 16 * 1024);
            socket.renegotiate();
            Exchange.bothWays(socket, server, 16 * 1024);
            assertEquals(2, count(read(msg), "<<< [^,\\n]+, Handshake \\[length \\w+\\], ClientHello"),
                    server::diagnostics);
        }
    }

    @Test
    void sServerRenegotiatesOurClientWithHelloRequest() throws Exception {
        Path msg = msgFile("server");
        CompletedHandshakes handshakes = new CompletedHandshakes();
        try (OpenSslServer server = sServer().msg().option("-msgfile", msg.toString()).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), ourClient(GCM).observer(handshakes).build())) {
            Exchange.bound(socket);
            socket.startHandshake();
            Exchange.bothWays(socket, server, 16 * 1024);
            assertEquals(1, handshakes.count());
            // our client answers the HelloRequest inside a read, so a read waits before "r" goes in; s_server drops
            // the rest of the stdin read that carried "r", so the data follow only once the renegotiation completed
            InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
            CompletableFuture<byte[]> received = readLinesInBackground(in);
            server.renegotiate();
            assertTrue(handshakes.await(2, WAIT), () -> "our client did not complete the renegotiation:\n" + server.diagnostics());
            byte[] inbound = DataTransfer.randomBytes(16 * 1024);
            server.writeStdin(DataTransfer.encodeLines(inbound));
            assertArrayEquals(inbound, received.get(WAIT.toSeconds(), TimeUnit.SECONDS), "bytes from the peer to us differ");
            // s_server printf()s "SSL_do_handshake -> 1" into its buffered stdout, to be flushed at any later
            // moment: after "r" only the direction s_server -> us is checked
            Exchange.fromPeer(socket, server, 16 * 1024);
            assertEquals(2, handshakes.count());
            String log = read(msg);
            assertTrue(count(log, ">>> TLS 1.2, Handshake \\[length 0004\\], HelloRequest") == 1
                    && count(log, "<<< [^,\\n]+, Handshake \\[length \\w+\\], ClientHello") == 2, log);
        }
    }

    @Test
    void sClientRenegotiatesWithOurServer() throws Exception {
        // client-initiated renegotiation is refused by default (as OpenSSL 3): this server opts in
        CompletedHandshakes handshakes = new CompletedHandshakes();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                ourServer().clientRenegotiation(true).observer(handshakes).build());
             OpenSslClient client = sClient(server.getLocalPort()).msg().option("-msgfile", msgFile("client").toString()).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            Exchange.bothWays(socket, client, 16 * 1024);
            assertEquals(1, handshakes.count());
            client.renegotiate();   // "R", taken (s_client drops the rest of that stdin read) before the data below
            // first read (our server answers the ClientHello): s_client 3.0 fails with "unexpected record" if
            // application data reach it between its renegotiating ClientHello and the ServerHello
            Exchange.fromPeer(socket, client, 16 * 1024);
            assertEquals(2, handshakes.count(), "our server completed the renegotiation before the data");
            Exchange.bothWays(socket, client, 16 * 1024);
            String log = read(msgLog(client));
            assertEquals(2, count(log, ">>> [^,\\n]+, Handshake \\[length \\w+\\], ClientHello"), log);
            assertEquals(2, count(log, "<<< TLS 1.2, Handshake \\[length \\w+\\], Finished"), log);
        }
    }

    /** Reads one block of hex lines (see {@link DataTransfer}) on another thread; bounded by the socket's read timeout. */
    private static CompletableFuture<byte[]> readLinesInBackground(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return DataTransfer.readLines(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void ourServerRenegotiatesAndSClientAnswersTheHelloRequest() throws Exception {
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), ourServer().build());
             OpenSslClient client = sClient(server.getLocalPort()).msg().option("-msgfile", msgFile("client").toString()).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            socket.renegotiate();
            Exchange.bothWays(socket, client, 16 * 1024);
            String log = read(msgLog(client));
            assertEquals(1, count(log, "<<< TLS 1.2, Handshake \\[length 0004\\], HelloRequest"), log);
            assertEquals(2, count(log, ">>> [^,\\n]+, Handshake \\[length \\w+\\], ClientHello"), log);
        }
    }

    // ---- extended master secret, encrypt-then-MAC ----

    @ParameterizedTest(name = "our client and s_server negotiate EMS, and EtM only for CBC: {0}")
    @ValueSource(strings = {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"})
    void ourClientNegotiatesEmsAndEtmWithSServer(String suiteName) throws Exception {
        CipherSuite suite = CipherSuite.valueOf(suiteName);
        try (OpenSslServer server = sServer().start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), ourClient(suite).build())) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertTrue(socket.session().extendedMasterSecret());
            assertEquals(suite == CBC, socket.session().encryptThenMac());
            Exchange.bothWays(socket, server, 64 * 1024);
        }
    }

    @ParameterizedTest(name = "s_client {0} and our server: EMS yes, EtM as asked")
    @ValueSource(strings = {"with EtM", "-no_etm"})
    void sClientNegotiatesEmsAndEtmWithOurServer(String how) throws Exception {
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), ourServer().build())) {
            OpenSslClient.Builder builder = sClient(server.getLocalPort()).cipher(CBC.openSslName());
            if (how.equals("-no_etm")) {
                builder.noEtm();
            }
            try (OpenSslClient client = builder.start(); TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                socket.startHandshake();
                assertTrue(socket.session().extendedMasterSecret());
                assertEquals(!how.equals("-no_etm"), socket.session().encryptThenMac());
                assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
                assertTrue(client.stdout().contains("Extended master secret: yes"), client::diagnostics);
                Exchange.bothWays(socket, client, 64 * 1024);
            }
        }
    }

    // ---- record sizes ----

    @Test
    void sServerHonoursOurMaxFragmentLengthOf512() throws Exception {
        // -msg prints each record header it sends: ">>> TLS 1.2, RecordHeader [length 0005]" then its 5 bytes in hex
        Pattern sentData = Pattern.compile(">>> [^\\n]*RecordHeader \\[length 0005\\]\\s+17 03 03 ([0-9a-f]{2}) ([0-9a-f]{2})");
        Path msg = msgFile("server");
        try (OpenSslServer server = sServer().msg().option("-msgfile", msg.toString()).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                     ourClient(GCM).maxFragmentLength(512).build())) {
            Exchange.bound(socket);
            socket.startHandshake();
            Exchange.bothWays(socket, server, 16 * 1024);
            String log = read(msg);
            Matcher matcher = sentData.matcher(log);
            int records = 0;
            while (matcher.find()) {
                records++;
                int length = Integer.parseInt(matcher.group(1) + matcher.group(2), 16);
                // 512 bytes of plaintext + 8 (explicit nonce) + 16 (tag)
                assertTrue(length <= 512 + 24, () -> "record over 512: " + matcher.group());
            }
            assertTrue(records > 2 * 16 * 1024 / 512, "s_server sent its hex lines in records of at most 512 bytes:\n" + log);
        }
    }

    @Test
    void ourServerReassemblesAHandshakeSentInOneByteRecords() throws Exception {
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), ourServer().build());
             OpenSslClient client = sClient(server.getLocalPort()).splitSendFrag(1).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            assertEquals(Optional.of("TLSv1.2"), client.protocol());
            Exchange.bothWays(socket, client, 4096);
        }
    }
}
