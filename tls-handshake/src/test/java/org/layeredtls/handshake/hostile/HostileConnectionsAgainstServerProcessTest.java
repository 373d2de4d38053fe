package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;

/**
 * The bullets that take a whole connection (a full handshake, a renegotiation, an HTTP request, a
 * timeout), end to end against the {@code layeredtls server} process, each compared with
 * {@code openssl s_server} where OpenSSL's answer is the reference; each ends with a normal client served.
 */
class HostileConnectionsAgainstServerProcessTest {

    private static final Duration BOUND = RawPeer.BOUND;
    private final List<ServerUnderTest> started = new ArrayList<>();

    @AfterEach
    void stopServers() {
        started.forEach(ServerUnderTest::close);
    }

    private ServerProcess process(String... options) throws Exception {
        ServerProcess server = ServerProcess.start(options);
        started.add(server);
        return server;
    }

    private OpenSslReference openssl(String... options) {
        OpenSslReference server = OpenSslReference.start(options);
        started.add(server);
        return server;
    }

    private static TlsSocket connect(ServerUnderTest server, TlsConfig config) throws IOException {
        TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config);
        socket.socket().setSoTimeout((int) BOUND.toMillis());
        socket.startHandshake();
        return socket;
    }

    /** Whatever the server serves (echo or page) still works on this connection. */
    private static void stillServes(ServerUnderTest server, TlsSocket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        if (server.echoes()) {
            byte[] line = "still here\n".getBytes(StandardCharsets.US_ASCII);
            out.write(line);
            out.flush();
            byte[] back = socket.getInputStream().readNBytes(line.length);
            assertEquals(new String(line, StandardCharsets.US_ASCII), new String(back, StandardCharsets.US_ASCII), server::log);
        } else {
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String page = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(page.startsWith("HTTP/1.0 200"), () -> page + "\n" + server.log());
        }
    }

    // --- one stray client must not stop the server ---

    @Test
    void opensslSClientWithItsInputClosedLeavesTheServerServing() throws Exception {
        for (String mode : List.of("-www", "-echo")) {
            ServerProcess server = process(mode);
            try (OpenSslProcess client = OpenSslProcess.client(server.port())) {
                client.closeInput(); // s_client </dev/null: close_notify right after the handshake
                assertTrue(client.awaitExit(OpenSslProcess.TIMEOUT_MILLIS), client::output);
            }
            NormalClient.isServed(server);
        }
    }

    // --- the handshake timeout ---

    @Test
    void aSilentClientHoldsTheNextClientNoLongerThanTheHandshakeTimeout() throws Exception {
        ServerProcess server = process("-echo", "-handshake_timeout", "1");
        try (RawPeer silent = RawPeer.connect(server.port())) {
            long start = System.nanoTime();
            NormalClient.echoes(server); // a single-threaded server serves it once the silent one is cut off
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis < 10_000, () -> "served after " + millis + " ms\n" + server.log());
            Reply reply = silent.awaitEnd(BOUND);
            assertTrue(reply.ended(), () -> "the silent connection is still open: " + reply);
            assertTrue(reply.alerts().stream().allMatch(a -> a.level() == AlertLevel.FATAL), reply::toString);
        }
    }

    @Test
    void aClientThatStopsAfterItsClientHelloIsCutOffWithAFatalAlert() throws Exception {
        ServerProcess server = process("-echo", "-handshake_timeout", "1");
        try (RawPeer stalled = RawPeer.connect(server.port())) {
            stalled.sendHandshake(Hello.defaults().message());
            Reply reply = stalled.awaitEnd(BOUND);
            assertTrue(reply.serverHello().isPresent(), reply::toString);
            assertTrue(reply.ended(), () -> "still waiting after " + BOUND + ": " + reply);
            assertTrue(reply.firstAlert().map(a -> a.level() == AlertLevel.FATAL).orElse(false),
                    () -> "the handshake timeout sends a fatal alert where the RFC allows one: " + reply);
        }
        NormalClient.echoes(server);
    }

    // --- renegotiation ---

    @Test
    void clientInitiatedRenegotiationIsRefusedWithAWarningByDefaultAsByOpenSsl() throws Exception {
        for (ServerUnderTest server : List.of(process("-echo"), openssl())) {
            try (TlsSocket socket = connect(server, HostilePki.client().allowRenegotiation(true).build())) {
                socket.renegotiate();
                assertTrue(socket.renegotiationRefused(), () -> "renegotiation accepted by\n" + server.log());
                stillServes(server, socket);
            }
            NormalClient.isServed(server);
        }
    }

    @Test
    void threeHundredClientRenegotiationsOnOneConnectionAreNotAllAccepted() throws Exception {
        ServerProcess server = process("-echo", "-client_renegotiation");
        int accepted = 0;
        try (TlsSocket socket = connect(server, HostilePki.client().allowRenegotiation(true).build())) {
            for (int i = 0; i < 300; i++) {
                socket.renegotiate();
                accepted += socket.renegotiationRefused() ? 0 : 1;
                // data between attempts: a client that only collects refusals trips its own limit of 5
                // warning alerts in a row without progress (as OpenSSL's would)
                stillServes(server, socket);
            }
            stillServes(server, socket);
        }
        int total = accepted;
        assertTrue(total > 0, () -> "-client_renegotiation allows some:\n" + server.log());
        assertTrue(total < 300, () -> "all 300 renegotiations accepted: no rate limit\n" + server.log());
        NormalClient.echoes(server);
    }

    @Test
    void applicationDataBetweenChangeCipherSpecAndFinishedInARenegotiationIsUnexpectedMessageAsFromOpenSsl() throws Exception {
        for (ServerUnderTest server : List.of(process("-echo", "-client_renegotiation"), openssl("-client_renegotiation"))) {
            TlsConfig config = HostilePki.client().allowRenegotiation(true)
                    .handshakeInterceptor(Renegotiations.applicationDataBeforeRenegotiationFinished()).build();
            try (TlsSocket socket = connect(server, config)) {
                TlsAlertReceivedException alert = assertThrows(TlsAlertReceivedException.class, socket::renegotiate,
                        server::log);
                assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alert.alert().description(), server::log);
                assertEquals(AlertLevel.FATAL, alert.alert().level());
            }
            NormalClient.isServed(server);
        }
    }

    // --- RFC 7627 §5.2-5.3: extended master secret ---

    @Test
    void renegotiationThatDropsExtendedMasterSecretIsHandshakeFailureAsFromOpenSsl() throws Exception {
        for (ServerUnderTest server : List.of(process("-echo", "-client_renegotiation"), openssl("-client_renegotiation"))) {
            TlsConfig config = HostilePki.client().allowRenegotiation(true)
                    .handshakeInterceptor(Renegotiations.renegotiationWithoutExtendedMasterSecret()).build();
            try (TlsSocket socket = connect(server, config)) {
                assertTrue(socket.session().extendedMasterSecret(), server::log);
                TlsAlertReceivedException alert = assertThrows(TlsAlertReceivedException.class, socket::renegotiate,
                        server::log);
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, alert.alert().description(), server::log);
            }
            NormalClient.isServed(server);
        }
    }

    @Test
    void resumingAnExtendedMasterSecretSessionWithoutTheExtensionIsHandshakeFailureAsFromOpenSsl() throws Exception {
        for (ServerUnderTest server : List.of(process("-echo"), openssl())) {
            byte[] sessionId;
            try (TlsSocket socket = connect(server, HostilePki.client().sessionTickets(false).build())) {
                assertTrue(socket.session().extendedMasterSecret(), server::log);
                sessionId = socket.session().sessionId();
                stillServes(server, socket);
            }
            assertTrue(sessionId.length > 0, server::log);
            try (RawPeer peer = RawPeer.connect(server.port())) {
                peer.sendHandshake(Hello.defaults().sessionId(sessionId).without(ExtensionType.EXTENDED_MASTER_SECRET).message());
                Reply reply = peer.awaitHandshake(HandshakeType.SERVER_HELLO_DONE, BOUND);
                assertTrue(reply.isFatal(AlertDescription.HANDSHAKE_FAILURE), () -> reply + "\n" + server.log());
            }
            NormalClient.isServed(server);
        }
    }

    // --- -www: bounded request head, graceful close ---

    @Test
    void a128MiBRequestLineWithoutNewlineGets414AndACloseInBoundedMemory() throws Exception {
        ServerProcess server = process("-www");
        AtomicReference<IOException> writeEnded = new AtomicReference<>();
        String answer;
        try (TlsSocket socket = connect(server, HostilePki.client().build())) {
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write("GET /".getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[1 << 16];
                    Arrays.fill(chunk, (byte) 'A');
                    for (int i = 0; i < (128 << 20) / chunk.length; i++) {
                        out.write(chunk);
                    }
                    out.flush();
                } catch (IOException e) {
                    writeEnded.set(e); // the server answered and closed: expected
                }
            }, "128 MiB request line");
            writer.setDaemon(true);
            writer.start();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError("no answer to a 128 MiB request line: " + e + "\n" + server.log(), e);
        }
        String status = answer.lines().findFirst().orElse("");
        assertTrue(status.matches("HTTP/1\\.[01] 414 .*"), () -> "status line: " + status + "\n" + server.log());
        long resident = server.residentKiB();
        assertTrue(server.isAlive(), server::log);
        assertTrue(resident < 400 * 1024, () -> "the server grew to " + resident + " KiB");
        NormalClient.getsPage(server);
    }

    @Test
    void aClientThatSendsCloseNotifyRightAfterItsRequestSeesOursAndNoReset() throws Exception {
        ServerProcess server = process("-www");
        CloseWatchingClient.Result result = CloseWatchingClient.getThenClose(server.port());
        assertEquals("eof", result.end(), () -> "the connection did not end with FIN\n" + server.log());
        assertTrue(result.closeNotifyReceived(), () -> "no close_notify from the server\n" + server.log());
        NormalClient.getsPage(server);
    }
}
