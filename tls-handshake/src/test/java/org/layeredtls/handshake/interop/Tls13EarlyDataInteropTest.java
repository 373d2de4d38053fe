package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.EarlyDataStatus;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.engine.TlsEngine;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.trace.KeyLogWriter;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.3 0-RTT data (RFC 8446 §2.3, §4.2.10) against OpenSSL 3.0 both ways: our client's early data on a
 * resumption, taken by {@code s_server -early_data} and refused by {@code s_server -max_early_data} (which
 * announces it in its tickets but does not read it); {@code s_client -sess_in -early_data} against our
 * server with {@code maxEarlyData}, and against one with 0-RTT off.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Tls13EarlyDataInteropTest {

    private static final String EARLY = "POST /early: sent in 0-RTT\n";

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static TlsConfig client() throws Exception {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).trustAnchors(pki.trustAnchors())
                .serverName("localhost").clientSessionStore(new InMemoryClientSessionStore(4)).build();
    }

    private static TlsConfig.Builder server(TicketProtector tickets) throws Exception {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).ticketProtector(tickets)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey());
    }

    private static OpenSslServer.Builder sServer() {
        return pki.tls13OpenSslServer();
    }

    private static OpenSslClient.Builder sClient(TlsServerSocket server) {
        return pki.tls13OpenSslClient(server.getLocalPort());
    }

    // ------------------------------------------------------------------ our client, s_server

    /** What became of a connection's early data, and whether it resumed. */
    private record Outcome(EarlyDataStatus status, boolean resumed) {
    }

    /** Connects with {@code earlyData} (null: none) and talks, so that the tickets are read. */
    private static Outcome connect(OpenSslServer server, TlsConfig config, String earlyData) throws Exception {
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
            Exchange.bound(socket);
            if (earlyData != null) {
                socket.writeEarlyData(earlyData.getBytes(StandardCharsets.US_ASCII));
            }
            Exchange.bothWays(socket, server, 1024); // reading takes the NewSessionTickets in
            return new Outcome(socket.earlyDataStatus(), socket.session().resumed());
        }
    }

    @Test
    void ourClientsEarlyDataReachesSServerAsEarlyData() throws Exception {
        TlsConfig config = client();
        try (OpenSslServer server = sServer().option("-early_data").start()) {
            assertEquals(new Outcome(EarlyDataStatus.NOT_SENT, false), connect(server, config, null));
            int mark = server.stdoutSize();
            assertEquals(new Outcome(EarlyDataStatus.ACCEPTED, true), connect(server, config, EARLY));
            // s_server prints the header, the data it read with SSL_read_early_data, then the end marker
            assertTrue(server.awaitStdout(Pattern.compile("End of early data"), mark, Exchange.WAIT).isPresent(),
                    server::diagnostics);
            String output = new String(server.stdoutRange(mark, server.stdoutSize()), StandardCharsets.US_ASCII);
            assertTrue(output.contains("Early data received:") && output.contains(EARLY), output);
        }
    }

    @Test
    void sServerThatDoesNotReadEarlyDataRejectsItAndOurClientSaysItWasNotDelivered() throws Exception {
        TlsConfig config = client();
        // -max_early_data: its tickets allow 0-RTT, but without -early_data it never reads any (it rejects and skips)
        try (OpenSslServer server = sServer().option("-max_early_data", "16384").start()) {
            assertEquals(new Outcome(EarlyDataStatus.NOT_SENT, false), connect(server, config, null));
            int mark = server.stdoutSize();
            assertEquals(new Outcome(EarlyDataStatus.REJECTED, true), connect(server, config, EARLY));
            assertFalse(new String(server.stdoutRange(mark, server.stdoutSize()), StandardCharsets.US_ASCII).contains(EARLY),
                    "rejected early data is not delivered");
        }
    }

    @Test
    void ourClientEarlyTrafficSecretIsTheOneSServerLogs() throws Exception {
        Path ours = directory.resolve("early-ours.keylog");
        Path theirs = directory.resolve("early-openssl.keylog");
        TlsConfig plain = client();
        try (OpenSslServer server = sServer().option("-early_data").keylogFile(theirs).start();
             KeyLogWriter keyLog = KeyLogWriter.appendingTo(ours)) {
            connect(server, plain, null);
            assertEquals(EarlyDataStatus.ACCEPTED, connect(server, plain.toBuilder().observer(keyLog).build(), EARLY).status());
        }
        java.util.List<String> early = Files.readAllLines(ours).stream()
                .filter(line -> line.startsWith("CLIENT_EARLY_TRAFFIC_SECRET ")).toList();
        assertEquals(1, early.size(), "one 0-RTT secret in our key log");
        assertTrue(Files.readAllLines(theirs).contains(early.get(0)), "OpenSSL's key log holds our CLIENT_EARLY_TRAFFIC_SECRET line");
    }

    @Test
    void sServersHelloRetryRequestRefusesOurEarlyDataAndTheHandshakeGoesOn() throws Exception {
        TlsConfig config = client().toBuilder()
                .namedGroups(org.layeredtls.handshake.extension.NamedGroup.X25519, org.layeredtls.handshake.extension.NamedGroup.SECP384R1)
                .build();
        // s_server takes secp384r1 only: our x25519 share gets a HelloRetryRequest, which refuses early data (§4.2.10)
        try (OpenSslServer server = sServer().option("-early_data", "-groups", "secp384r1").start()) {
            assertEquals(new Outcome(EarlyDataStatus.NOT_SENT, false), connect(server, config, null));
            int mark = server.stdoutSize();
            // s_server skips the early records in the clear; after a HelloRetryRequest it resumes no ticket of its
            // -early_data sessions, not even OpenSSL's own s_client's (checked with the 3.0 CLI): a full handshake
            assertEquals(new Outcome(EarlyDataStatus.REJECTED, false), connect(server, config, EARLY));
            assertFalse(new String(server.stdoutRange(mark, server.stdoutSize()), StandardCharsets.US_ASCII).contains(EARLY));
        }
    }

    // ------------------------------------------------------------------ s_client, our server

    /** s_client's first connection, for a ticket from our server (saved with -sess_out). */
    private static Path sessionFrom(TlsServerSocket server, String name) throws Exception {
        Path session = directory.resolve(name);
        try (OpenSslClient client = sClient(server).sessOut(session).start(); TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            assertFalse(socket.session().resumed());
            assertTrue(client.awaitStdout(Tls13OpenSslClientInteropTest.TLS13_SUMMARY, 0, Exchange.WAIT).isPresent(),
                    client::diagnostics);
            Exchange.bothWays(socket, client, 1024); // s_client read our tickets before our data, and saved one
            client.closeStdin();
            assertEquals(Optional.of(0), client.awaitExit(Exchange.WAIT), client::diagnostics);
        }
        assertTrue(Files.size(session) > 0);
        return session;
    }

    @Test
    void sClientsEarlyDataIsReadByOurServerMarkedEarly() throws Exception {
        Path early = Files.writeString(directory.resolve("early-accepted.txt"), EARLY);
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                server(TicketProtector.withDefaults()).maxEarlyData(16384).build())) {
            Path session = sessionFrom(server, "early-accepted.pem");
            try (OpenSslClient client = sClient(server).sessIn(session).option("-early_data", early.toString()).start();
                 TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                assertArrayEquals(EARLY.getBytes(StandardCharsets.US_ASCII), socket.readEarlyData());
                assertEquals(EarlyDataStatus.ACCEPTED, socket.earlyDataStatus());
                assertTrue(socket.session().resumed());
                assertTrue(client.awaitStdout(Pattern.compile("Early data was accepted"), 0, Exchange.WAIT).isPresent(),
                        client::diagnostics);
                assertEquals(0, socket.getInputStream().available(), "early data is not read as ordinary data");
            }
        }
    }

    @Test
    void ourServerWithEarlyDataOffRejectsSClientsAndSkipsIt() throws Exception {
        Path early = Files.writeString(directory.resolve("early-rejected.txt"), EARLY);
        TicketProtector tickets = TicketProtector.withDefaults();
        try (TlsServerSocket issuing = new TlsServerSocket(OpenSslClientInteropTest.listener(),
                     server(tickets).maxEarlyData(16384).build());
             TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), server(tickets).build())) {
            Path session = sessionFrom(issuing, "early-rejected.pem"); // a ticket that allows 0-RTT
            try (OpenSslClient client = sClient(server).sessIn(session).option("-early_data", early.toString()).start();
                 TlsSocket socket = server.accept()) {
                Exchange.bound(socket);
                assertEquals(EarlyDataStatus.REJECTED, socket.earlyDataStatus()); // default maxEarlyData 0
                assertTrue(socket.session().resumed(), "RFC 8446 §4.2.10: the handshake goes on, the early records skipped");
                assertEquals(0, socket.readEarlyData().length);
                // s_client does not send rejected early data again as ordinary data: it only says so
                assertTrue(client.awaitStdout(Pattern.compile("Early data was rejected"), 0, Exchange.WAIT).isPresent(),
                        client::diagnostics);
                Exchange.bothWays(socket, client, 1024);
            }
        }
    }

    // ------------------------------------------------------------------ replay

    @Test
    void sClientsFirstFlightReplayedAtOurServerDeliversItsEarlyDataOnce() throws Exception {
        Path early = Files.writeString(directory.resolve("early-replayed.txt"), EARLY);
        TlsConfig config = server(TicketProtector.withDefaults()).maxEarlyData(16384).build();
        byte[] flight;
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config)) {
            Path session = sessionFrom(server, "early-replayed.pem");
            flight = firstFlight(session, early); // what an attacker on the path copies
        }
        TlsEngine first = TlsEngine.server(config);
        first.beginHandshake();
        first.offerInput(flight);
        assertEquals(EarlyDataStatus.ACCEPTED, first.earlyDataStatus());
        assertArrayEquals(EARLY.getBytes(StandardCharsets.US_ASCII), earlyData(first));

        TlsEngine replayed = TlsEngine.server(config); // the same bytes, another connection to the same server
        replayed.beginHandshake();
        replayed.offerInput(flight);
        // RFC 8446 §8.1: the ticket has carried early data once; the replay gets a 1-RTT handshake it cannot finish
        assertEquals(EarlyDataStatus.REJECTED, replayed.earlyDataStatus());
        assertEquals(0, replayed.availableEarlyData());
        assertTrue(replayed.readOutput().length > 0);
        assertFalse(replayed.isHandshakeDone());
    }

    private static byte[] earlyData(TlsEngine server) {
        byte[] data = new byte[server.availableEarlyData()];
        return java.util.Arrays.copyOf(data, server.readEarlyData(data, 0, data.length));
    }

    /** s_client -sess_in -early_data's first flight (ClientHello, change_cipher_spec, 0-RTT records), taken by a bare TCP listener. */
    private static byte[] firstFlight(Path session, Path early) throws Exception {
        try (java.net.ServerSocket listener = OpenSslClientInteropTest.listener();
             OpenSslClient client = OpenSslClient.builder(listener.getLocalPort()).option("-tls1_3").servername("localhost")
                     .directory(directory).sessIn(session).option("-early_data", early.toString()).start();
             java.net.Socket socket = listener.accept()) {
            socket.setSoTimeout((int) Exchange.WAIT.toMillis());
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            java.io.ByteArrayOutputStream flight = new java.io.ByteArrayOutputStream();
            int type;
            do { // whole records up to the first application_data one: the 0-RTT data
                byte[] header = new byte[5];
                in.readFully(header);
                byte[] fragment = new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)];
                in.readFully(fragment);
                flight.write(header);
                flight.write(fragment);
                type = header[0];
            } while (type != 23);
            return flight.toByteArray();
        }
    }
}
