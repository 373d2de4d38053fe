package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cli.LayeredTlsTools;
import org.layeredtls.handshake.cli.ServerCommand;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.testing.CapturedOutput;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.RawPeer;

import picocli.CommandLine;

/**
 * {@code layeredtls server -www} outlives its connections: a port probe (connect, close), a record
 * cut short, a reset, plaintext HTTP, {@code openssl s_client </dev/null}, an oversized request
 * line or header section, a client that never speaks: each ends its own connection with one
 * {@code error:} line, and the next client is served. In-process through the command's picocli
 * entry, and once as a real process.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServerSurvivalTest {

    private static final Pattern ACCEPT = Pattern.compile("ACCEPT [^:\\n]+:(\\d+)");
    private static final long BOUND_MILLIS = HandshakeServer.BOUND.toMillis();

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^error: .*$");

    private FutureTask<Integer> inProcess;
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (inProcess != null) {
            inProcess.cancel(true);
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Our s_server -www -tls1_2 (these tests were written for TLS 1.2) on an ephemeral port, in this JVM; returns the port. */
    private int startInProcess(CapturedOutput out, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-accept", "0", "-cert", Pki.serverPem().toString(),
                "-key", Pki.serverKey().toString(), "-www", "-tls1_2"));
        args.addAll(List.of(extra));
        PipedInputStream stdin = new PipedInputStream(new PipedOutputStream());
        ServerCommand command = new ServerCommand().io(stdin, out.stream);
        inProcess = new FutureTask<>(() -> new CommandLine(command).execute(args.toArray(String[]::new)));
        Thread thread = new Thread(inProcess, "s_server under test");
        thread.setDaemon(true);
        thread.start();
        out.await(ACCEPT, 1);
        Matcher m = ACCEPT.matcher(out.text());
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    // ---- what hostile and careless clients do

    private static void connectAndClose(int port) throws IOException {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
    }

    /** A record header announcing 512 bytes, 100 of them, and the end of the stream. */
    private static void recordCutShort(int port) throws Exception {
        byte[] hello = CapturedClientHello.of(Tls12Pki.client().build());
        try (RawPeer peer = RawPeer.connect(port)) {
            byte[] cut = java.util.Arrays.copyOf(hello, 105);
            cut[3] = 2; // length 512
            cut[4] = 0;
            peer.send(cut);
        }
    }

    /** A ClientHello, then a TCP reset (SO_LINGER 0). */
    private static void reset(int port) throws Exception {
        byte[] hello = CapturedClientHello.of(Tls12Pki.client().build());
        RawPeer.connect(port).send(hello).reset();
    }

    private static void plaintextHttp(int port) throws IOException {
        try (RawPeer peer = RawPeer.connect(port)) {
            peer.send("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            peer.awaitAlert(HandshakeServer.BOUND); // whatever the answer, the server goes on
        }
    }

    /** {@code openssl s_client </dev/null}: a handshake, then close_notify before any request. */
    private static void sClientWithNoInput(int port) throws Exception {
        try (OpenSslProcess client = OpenSslProcess.client(port, "-CAfile", Pki.caPem().toString())) {
            client.closeInput();
            assertTrue(client.awaitExit(BOUND_MILLIS), client.output());
        }
    }

    /** A normal client: GET over TLS, and the page. */
    private static String page(int port, String request) throws IOException {
        try (TlsSocket client = TlsSocket.connect("127.0.0.1", port, Tls12Pki.client().build())) {
            client.socket().setSoTimeout((int) BOUND_MILLIS);
            client.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String page(int port) throws IOException {
        return page(port, "GET / HTTP/1.0\r\n\r\n");
    }

    /** A port probe, a record cut short and a reset, each waited for until it cost its one {@code error:} line. */
    private static void probeCutShortAndReset(int port, CapturedOutput out) throws Exception {
        connectAndClose(port);
        out.await(ERROR_LINE, 1);
        recordCutShort(port);
        out.await(ERROR_LINE, 2);
        reset(port);
        out.await(ERROR_LINE, 3);
    }

    @Test
    void strayConnectionsEachCostOneLineAndTheNextClientIsServed() throws Exception {
        CapturedOutput out = new CapturedOutput();
        int port = startInProcess(out);
        probeCutShortAndReset(port, out);
        plaintextHttp(port);
        out.await(ERROR_LINE, 4);
        sClientWithNoInput(port);
        out.await(ERROR_LINE, 5);

        String page = page(port);
        assertTrue(page.startsWith("HTTP/1.0 200 ok\r\n") && page.contains("Protocol  : TLSv1.2"), page);
        assertFalse(inProcess.isDone(), "the server is still running:\n" + out.text());
        String text = out.text();
        assertEquals(5, ERROR_LINE.matcher(text).results().count(), text);
        assertFalse(text.contains("\tat ") || text.contains("Exception in"), "no stack trace:\n" + text);
    }

    @Test
    void aRequestLineLongerThanTheLimitIsAnswered414AndAHugeHeaderSection431() throws Exception {
        CapturedOutput out = new CapturedOutput();
        int port = startInProcess(out);
        String longLine = "GET /" + "a".repeat(100_000); // no newline, ever
        assertTrue(page(port, longLine).startsWith("HTTP/1.0 414 URI Too Long\r\n"));
        String manyHeaders = "GET / HTTP/1.0\r\n" + "X-Filler: 0123456789012345678901234567890123456789\r\n".repeat(2000);
        assertTrue(page(port, manyHeaders).startsWith("HTTP/1.0 431 Request Header Fields Too Large\r\n"));
        out.await(ERROR_LINE, 2);
        assertTrue(page(port).contains("Protocol  : TLSv1.2"));
    }

    @Test
    void aSilentClientHoldsTheSingleThreadedServerNoLongerThanTheHandshakeTimeout() throws Exception {
        CapturedOutput out = new CapturedOutput();
        int port = startInProcess(out, "-handshake_timeout", "1");
        try (RawPeer silent = RawPeer.connect(port)) {
            long start = System.nanoTime();
            String page = page(port); // queued behind the silent client
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(page.contains("Protocol  : TLSv1.2"), page);
            assertTrue(tookMillis >= 900 && tookMillis < 10_000, "served after " + tookMillis + " ms");
            silent.awaitAlert(HandshakeServer.BOUND).assertFatal(AlertDescription.HANDSHAKE_FAILURE, "the silent client");
        }
        assertTrue(out.text().contains("handshake timeout"), out.text());
    }

    @Test
    void aClientThatCompletesTheHandshakeButNeverSendsItsRequestIsTimedOutToo() throws Exception {
        CapturedOutput out = new CapturedOutput();
        int port = startInProcess(out, "-handshake_timeout", "1");
        try (TlsSocket idle = TlsSocket.connect("127.0.0.1", port, Tls12Pki.client().build())) {
            idle.startHandshake();
            assertTrue(page(port).contains("Protocol  : TLSv1.2"));
        }
        out.await(ERROR_LINE, 1);
        assertTrue(out.text().contains("SocketTimeoutException"), out.text());
    }

    /** Renegotiates before the request; returns whether the server went through with it. */
    private static boolean renegotiatesBeforeItsRequest(int port) throws IOException {
        try (TlsSocket client = TlsSocket.connect("127.0.0.1", port, Tls12Pki.client().build())) {
            client.socket().setSoTimeout((int) BOUND_MILLIS);
            client.renegotiate();
            boolean accepted = !client.renegotiationRefused();
            client.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String page = new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(page.contains("Protocol  : TLSv1.2"), page);
            return accepted;
        }
    }

    @Test
    void clientRenegotiationIsRefusedWithAWarningUnlessTheClientRenegotiationOptionIsGiven() throws Exception {
        assertFalse(renegotiatesBeforeItsRequest(startInProcess(new CapturedOutput())), "refused by default, the page still served");
        inProcess.cancel(true);
        assertTrue(renegotiatesBeforeItsRequest(startInProcess(new CapturedOutput(), "-client_renegotiation")));
    }

    // ---- the same as a real process

    private static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), LayeredTlsTools.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Copies a process's output into {@code out} on a daemon thread. */
    private static void collect(InputStream from, CapturedOutput out) {
        Thread copier = new Thread(() -> {
            try (from) {
                from.transferTo(out);
            } catch (IOException ended) {
                // the process is gone
            }
        }, "server process output");
        copier.setDaemon(true);
        copier.start();
    }

    @Test
    void theServerProcessSurvivesStrayConnectionsAndOnlyNacceptEndsIt() throws Exception {
        CapturedOutput out = new CapturedOutput();
        process = launch("server", "-accept", "0", "-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(),
                "-www", "-tls1_2", "-naccept", "5");
        collect(process.getInputStream(), out);
        out.await(ACCEPT, 1);
        Matcher m = ACCEPT.matcher(out.text());
        assertTrue(m.find());
        int port = Integer.parseInt(m.group(1));

        probeCutShortAndReset(port, out);
        sClientWithNoInput(port);
        out.await(ERROR_LINE, 4);
        assertTrue(process.isAlive(), out.text());
        assertTrue(page(port).contains("Protocol  : TLSv1.2"), out.text());

        assertTrue(process.waitFor(BOUND_MILLIS, TimeUnit.MILLISECONDS), "-naccept 5 ends it:\n" + out.text());
        assertEquals(0, process.exitValue(), out.text());
        assertFalse(out.text().contains("\tat "), "no stack trace:\n" + out.text());
    }
}
