package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself, openssl against openssl: handshakes, the data scheme both ways, clean shutdown. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenSslPeersTest {

    private static final Duration WAIT = OpenSslServer.WAIT;

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static OpenSslServer.Builder rsaServer() {
        return OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key());
    }

    private static OpenSslClient.Builder verifyingClient(int port) {
        return OpenSslClient.builder(port).caFile(pki.ca().certificate()).verifyReturnError().servername("localhost");
    }

    @Test
    void tls12EcdheRsaAes128GcmHandshakeCompletesAndClosesCleanly() throws Exception {
        ProcessHandle serverHandle;
        ProcessHandle clientHandle;
        try (OpenSslServer server = rsaServer().tls1_2().cipher("ECDHE-RSA-AES128-GCM-SHA256").start();
             OpenSslClient client = verifyingClient(server.port()).tls1_2().start()) {
            serverHandle = server.handle();
            clientHandle = client.handle();
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            assertEquals(Optional.of("TLSv1.2"), client.protocol(), client::diagnostics);
            assertEquals(Optional.of("ECDHE-RSA-AES128-GCM-SHA256"), client.cipher());
            assertEquals(Optional.of(0), client.verifyReturnCode());
            assertEquals(Optional.of("ECDHE-RSA-AES128-GCM-SHA256"), server.awaitHandshake(0, WAIT), server::diagnostics);
            assertEquals(Optional.of(0), client.finish(WAIT), client::diagnostics);
            assertTrue(server.awaitCleanClose(0, WAIT), server::diagnostics);
        }
        assertFalse(serverHandle.isAlive(), "s_server still running after close()");
        assertFalse(clientHandle.isAlive(), "s_client still running after close()");
    }

    @Test
    void tls10Aes128ShaNeedsSecurityLevelZeroOnBothEnds() throws Exception {
        try (OpenSslServer server = rsaServer().tls1().cipher("AES128-SHA").secLevel0().start();
             OpenSslClient client = verifyingClient(server.port()).tls1().cipher("AES128-SHA").secLevel0().start()) {
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            assertEquals(Optional.of("TLSv1"), client.protocol());
            assertEquals(Optional.of("AES128-SHA"), client.cipher());
            assertEquals(Optional.of("AES128-SHA"), server.awaitHandshake(0, WAIT), server::diagnostics);
        }
    }

    @Test
    void tls10IsRefusedByAServerAtTheDefaultSecurityLevel() throws Exception {
        // s_server without @SECLEVEL=0 answers a TLS 1.0 ClientHello with an internal_error alert
        try (OpenSslServer server = rsaServer().tls1().cipher("AES128-SHA").start();
             OpenSslClient client = verifyingClient(server.port()).tls1().cipher("AES128-SHA").secLevel0().start()) {
            assertFalse(client.awaitHandshake(WAIT), client::diagnostics);
            assertTrue(client.awaitExit(WAIT).orElseThrow() != 0, client::diagnostics);
            assertTrue(client.awaitStderr(Pattern.compile("alert internal error"), 0, WAIT).isPresent(), client::diagnostics);
        }
    }

    @Test
    void oneMebibyteCrossesEachWayThroughTheDataScheme() throws Exception {
        byte[] toServer = DataTransfer.randomBytes(DataTransfer.ONE_MIB);
        byte[] toClient = DataTransfer.randomBytes(DataTransfer.ONE_MIB);
        // -nocommands: raw binary on s_client's stdin cannot be taken for a command letter
        try (OpenSslServer server = rsaServer().tls1_2().start();
             OpenSslClient client = verifyingClient(server.port()).tls1_2().noCommands().start()) {
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            // client -> server: raw bytes framed by markers, cut out of s_server's stdout
            DataTransfer.Frame frame = DataTransfer.frame(toServer);
            client.writeStdin(frame.wire());
            Optional<byte[]> received = DataTransfer.awaitFrame(server, frame, 0, WAIT);
            assertTrue(received.isPresent(), server::diagnostics);
            assertArrayEquals(toServer, received.get());
            // server -> client: hex lines on s_server's stdin, decoded from s_client's stdout
            int mark = client.stdoutSize();
            server.send(toClient);
            assertTrue(client.awaitStdout(java.util.regex.Pattern.compile("\nend\\.\n"), mark, WAIT).isPresent(),
                    client::diagnostics);
            String printed = new String(client.stdoutRange(mark, client.stdoutSize()), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertArrayEquals(toClient, DataTransfer.decodeLines(printed).orElseThrow());
            assertEquals(Optional.of(0), client.finish(WAIT), client::diagnostics);
            assertTrue(server.awaitCleanClose(0, WAIT), server::diagnostics);
        }
    }

    @Test
    void oneServerServesConnectionsOneAfterTheOther() throws Exception {
        try (OpenSslServer server = rsaServer().tls1_2().start()) {
            for (String cipher : new String[] {"ECDHE-RSA-AES256-GCM-SHA384", "AES128-SHA256"}) {
                int mark = server.stdoutSize();
                try (OpenSslClient client = verifyingClient(server.port()).tls1_2().cipher(cipher).start()) {
                    assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
                    assertEquals(Optional.of(cipher), server.awaitHandshake(mark, WAIT), server::diagnostics);
                    assertEquals(Optional.of(0), client.finish(WAIT));
                    assertTrue(server.awaitCleanClose(mark, WAIT), server::diagnostics);
                }
            }
        }
    }

    @Test
    void sServerRenegotiatesOnTheRCommandAndSClientAnswersTheHelloRequest() throws Exception {
        try (OpenSslServer server = rsaServer().tls1_2().start();
             OpenSslClient client = verifyingClient(server.port()).tls1_2().msg().start()) {
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            assertTrue(server.awaitHandshake(0, WAIT).isPresent(), server::diagnostics);
            int mark = client.stdoutSize();
            server.renegotiate();
            assertTrue(client.awaitStdout(java.util.regex.Pattern.compile(
                    "<<< TLS 1.2, Handshake \\[length 0004\\], HelloRequest[\\s\\S]*>>> TLS 1.2, Handshake \\[length \\w+\\], Finished"),
                    mark, WAIT).isPresent(), client::diagnostics);
        }
    }

    @Test
    void clientInitiatedRenegotiationNeedsTheClientRenegotiationOption() throws Exception {
        try (OpenSslServer server = rsaServer().tls1_2().clientRenegotiation().start();
             OpenSslClient client = verifyingClient(server.port()).tls1_2().msg().start()) {
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            int mark = client.stdoutSize();
            client.renegotiate();
            assertTrue(client.awaitStdout(java.util.regex.Pattern.compile(
                    ">>> TLS 1.2, Handshake \\[length \\w+\\], ClientHello[\\s\\S]*<<< TLS 1.2, Handshake \\[length \\w+\\], Finished"),
                    mark, WAIT).isPresent(), client::diagnostics);
            assertTrue(client.isAlive(), client::diagnostics);
        }
        // OpenSSL 3.0's default: a renegotiating ClientHello gets a no_renegotiation (warning) alert; s_client
        // gives up ("no renegotiation") and exits
        try (OpenSslServer server = rsaServer().tls1_2().start();
             OpenSslClient client = verifyingClient(server.port()).tls1_2().start()) {
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            client.renegotiate();
            assertTrue(client.awaitExit(WAIT).isPresent(), client::diagnostics);
            assertTrue(client.awaitStderr(Pattern.compile("no renegotiation"), 0, WAIT).isPresent(), client::diagnostics);
        }
    }

    // ---- stdin commands: a command takes its whole read ----

    /** "X\n" followed by hex lines, for one write: fewer than PIPE_BUF (4096) bytes reach the reader in one read. */
    private static byte[] commandWithLines(char command, byte[] data) {
        byte[] lines = DataTransfer.encodeLines(data);
        byte[] bytes = new byte[2 + lines.length];
        bytes[0] = (byte) command;
        bytes[1] = '\n';
        System.arraycopy(lines, 0, bytes, 2, lines.length);
        return bytes;
    }

    private static int count(String text, String literal) {
        return text.split(Pattern.quote(literal), -1).length - 1;
    }

    @Test
    void sServerDropsTheRestOfTheStdinReadThatCarriesTheRenegotiateCommand() throws Exception {
        try (OpenSslServer server = rsaServer().tls1_2().start();
             OpenSslClient client = verifyingClient(server.port()).tls1_2().msg().start()) {
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            assertTrue(server.awaitHandshake(0, WAIT).isPresent(), server::diagnostics);
            int stdoutMark = client.stdoutSize();
            server.writeStdin(commandWithLines('r', DataTransfer.randomBytes(64)));
            // s_client's -msg lines (flushed per message): s_server has taken "r" and the renegotiation is done
            assertTrue(client.awaitStdout(Pattern.compile(
                    "<<< TLS 1.2, Handshake \\[length 0004\\], HelloRequest[\\s\\S]*<<< TLS 1.2, Handshake \\[length \\w+\\], Finished"),
                    stdoutMark, WAIT).isPresent(), client::diagnostics);
            byte[] kept = DataTransfer.randomBytes(64);
            server.send(kept);
            assertTrue(client.awaitStdout(Pattern.compile("\nend\\.\n"), stdoutMark, WAIT).isPresent(), client::diagnostics);
            String printed = new String(client.stdoutRange(stdoutMark, client.stdoutSize()), StandardCharsets.ISO_8859_1);
            assertArrayEquals(kept, DataTransfer.decodeLines(printed).orElseThrow(),
                    "the lines read with \"r\" were sent:\n" + client.diagnostics());
        }
    }

    @Test
    void sClientDropsTheRestOfTheStdinReadThatCarriesRAndRenegotiateReturnsOnceItTookTheCommand() throws Exception {
        try (OpenSslServer server = rsaServer().tls1_2().clientRenegotiation().start();
             OpenSslClient client = verifyingClient(server.port()).tls1_2().start()) {
            assertTrue(client.awaitHandshake(WAIT), client::diagnostics);
            assertTrue(server.awaitHandshake(0, WAIT).isPresent(), server::diagnostics);
            int stdoutMark = server.stdoutSize();
            int stderrMark = client.stderrSize();
            client.writeStdin(commandWithLines('R', DataTransfer.randomBytes(64)));
            assertTrue(client.awaitStderr(Pattern.compile("RENEGOTIATING\n"), stderrMark, WAIT).isPresent(),
                    client::diagnostics);
            client.renegotiate();
            assertEquals(2, count(client.stderr(), "RENEGOTIATING"), "renegotiate() returned before s_client took \"R\"");
            byte[] kept = DataTransfer.randomBytes(64);
            client.writeStdin(DataTransfer.encodeLines(kept));
            assertTrue(server.awaitStdout(Pattern.compile("\nend\\.\n"), stdoutMark, WAIT).isPresent(), server::diagnostics);
            String printed = new String(server.stdoutRange(stdoutMark, server.stdoutSize()), StandardCharsets.ISO_8859_1);
            assertArrayEquals(kept, DataTransfer.decodeLines(printed).orElseThrow(),
                    "the lines read with \"R\" were sent:\n" + server.diagnostics());
        }
    }
}
