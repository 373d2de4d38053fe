package org.layeredtls.handshake.illustrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.layeredtls.handshake.cli.ClientCommand;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.CapturedOutput;

import picocli.CommandLine;

/**
 * A real session for the page tests: our {@code client -tls1_2 -html -trace -keylogfile} against
 * {@code openssl s_server} (TLS 1.2, or 1.3 with {@link #runTls13}), one line each way, then close_notify. Keeps the page, what
 * -trace printed of the same session (the arrows the page must draw) and the key log line (the
 * master secret the page must show).
 */
record ClientSessionPage(Path page, String trace, String keyLog) {

    /** One record as -trace printed it: its direction and content type. */
    record TracedRecord(String direction, String contentType) {
    }

    static ClientSessionPage run(Path dir, String... extraArgs) throws Exception {
        return run(dir, "-tls1_2", false, extraArgs);
    }

    /** The same session in TLS 1.3: both sides {@code -tls1_3}. */
    static ClientSessionPage runTls13(Path dir, String... extraArgs) throws Exception {
        return run(dir, "-tls1_3", false, extraArgs);
    }

    /**
     * TLS 1.3, and between the two lines our client's {@code K}: a KeyUpdate asking for one back, which
     * s_server sends before its line (RFC 8446 §4.6.3).
     */
    static ClientSessionPage runTls13WithKeyUpdate(Path dir, String... extraArgs) throws Exception {
        return run(dir, "-tls1_3", true, extraArgs);
    }

    /** {@code version}: the version flag of both sides (s_server's and our client's). */
    private static ClientSessionPage run(Path dir, String version, boolean keyUpdate, String... extraArgs) throws Exception {
        Path page = dir.resolve("session.html");
        Path keyLog = dir.resolve("keys.log");
        CapturedOutput out = new CapturedOutput();
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        try (OpenSslProcess server = OpenSslProcess.server(version, "-cert", Pki.serverPem().toString(),
                "-key", Pki.serverKey().toString())) {
            List<String> args = new ArrayList<>(List.of("-connect", "127.0.0.1:" + server.port(), version, "-servername", "localhost",
                    "-CAfile", Pki.caPem().toString(), "-trace", "-keylogfile", keyLog.toString(), "-html", page.toString()));
            args.addAll(List.of(extraArgs));
            ClientCommand command = new ClientCommand().io(stdin, out.stream);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> new CommandLine(command).execute(args.toArray(String[]::new)));
            out.await("Verify return code");
            typing.write("hello from layeredtls\n".getBytes(StandardCharsets.US_ASCII));
            typing.flush();
            server.awaitOutput("hello from layeredtls");
            if (keyUpdate) {
                typing.write("K\n".getBytes(StandardCharsets.US_ASCII));
                typing.flush();
                out.await("KEYUPDATE");
                typing.write("after the key update\n".getBytes(StandardCharsets.US_ASCII));
                typing.flush();
                server.awaitOutput("after the key update"); // read after our KeyUpdate: s_server answers with its next record
            }
            server.write("hello from openssl\n");
            out.await("hello from openssl");
            typing.close();
            assertEquals(0, exit.get(OpenSslProcess.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), out::text);
        }
        return new ClientSessionPage(page, out.text(), Files.readString(keyLog));
    }

    String html() throws java.io.IOException {
        return Files.readString(page);
    }

    /** The records -trace printed, in order: c2s for what the client sent, s2c for what it received. */
    List<TracedRecord> tracedRecords() {
        List<TracedRecord> records = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(Sent|Received) Record\\nHeader:\\n(?:  .*\\n)*?  Content Type = (\\w+)").matcher(trace);
        while (m.find()) {
            records.add(new TracedRecord(m.group(1).equals("Sent") ? "c2s" : "s2c", m.group(2)));
        }
        return records;
    }

    /** The master secret of the key log line, in hex. */
    String masterSecret() {
        return keyLog.strip().split(" ")[2];
    }
}
