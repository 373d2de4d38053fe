package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;

import picocli.CommandLine;
import org.layeredtls.handshake.testing.CapturedOutput;

class CommandsTest {

    private static final long BOUND = OpenSslProcess.TIMEOUT_MILLIS;

    @Test
    void clientCommandTalksToOpenSslServerAndPrintsTheSessionLikeSClient() throws Exception {
        CapturedOutput out = new CapturedOutput();
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        try (OpenSslProcess server = OpenSslProcess.server("-tls1_2", "-cert", Pki.serverPem().toString(),
                "-key", Pki.serverKey().toString())) {
            ClientCommand command = new ClientCommand().io(stdin, out.stream);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(command).execute(
                    "-connect", "127.0.0.1:" + server.port(), "-servername", "localhost", "-CAfile", Pki.caPem().toString()));
            out.await("Verify return code");
            typing.write("hello from layeredtls\n".getBytes(StandardCharsets.US_ASCII));
            typing.flush();
            server.awaitOutput("hello from layeredtls");
            server.write("hello from openssl\n");
            out.await("hello from openssl");
            typing.close();
            assertEquals(0, exit.get(BOUND, TimeUnit.MILLISECONDS), out::text);
        }
        String text = out.text();
        assertTrue(text.contains("New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256\n"), text);
        assertTrue(text.contains("    Protocol  : TLSv1.2\n    Cipher    : ECDHE-RSA-AES128-GCM-SHA256\n    Session-ID: "), text);
        assertTrue(text.contains("    Verify return code: 0 (ok)\n"), text);
        assertTrue(text.contains(" 0 s:CN = localhost\n   i:CN = LayeredTLS Observe CA\n"), text);
    }

    @Test
    void clientCommandReconnectResumesFiveTimesAgainstOpenSslServer() throws Exception {
        CapturedOutput out = new CapturedOutput();
        try (OpenSslProcess server = OpenSslProcess.server("-tls1_2", "-cert", Pki.serverPem().toString(),
                "-key", Pki.serverKey().toString())) {
            int exit = new CommandLine(new ClientCommand().io(new ByteArrayInputStream(new byte[0]), out.stream)).execute(
                    "-connect", "127.0.0.1:" + server.port(), "-CAfile", Pki.caPem().toString(), "-servername", "localhost",
                    "-reconnect", "-quiet");
            assertEquals(0, exit, out::text);
        }
        List<String> headlines = Pattern.compile("(?m)^(New|Reused), TLSv1.2, Cipher is .*$").matcher(out.text())
                .results().map(m -> m.group(1)).toList();
        assertEquals(List.of("New", "Reused", "Reused", "Reused", "Reused", "Reused"), headlines, out.text());
    }

    @Test
    void serverCommandEchoesToOpenSslClient() throws Exception {
        CapturedOutput out = new CapturedOutput();
        ServerCommand command = new ServerCommand().io(new ByteArrayInputStream(new byte[0]), out.stream);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(command).execute(
                "-accept", "0", "-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(),
                "-echo", "-naccept", "1", "-trace"));
        out.await("ACCEPT");
        Matcher port = Pattern.compile("ACCEPT [^:]+:(\\d+)").matcher(out.text());
        assertTrue(port.find());
        try (OpenSslProcess client = OpenSslProcess.client(Integer.parseInt(port.group(1)), "-tls1_2",
                "-CAfile", Pki.caPem().toString())) {
            client.awaitOutput("Verify return code: 0 (ok)");
            client.write("echo me\n");
            client.awaitOutput(Pattern.compile("---\\s[\\s\\S]*echo me"));
            client.closeInput();
            assertEquals(0, exit.get(BOUND, TimeUnit.MILLISECONDS), out::text);
        }
        String text = out.text();
        assertTrue(text.contains("New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256"), text);
        assertTrue(text.contains("Received Record\nHeader:\n  Version = TLS 1.0 (0x301)"), text);
        assertTrue(text.contains("    ClientHello, Length="), text);
    }

    @Test
    void certsCommandWritesAPkiThatOpenSslVerifies(@TempDir Path dir) throws Exception {
        CapturedOutput out = new CapturedOutput();
        assertEquals(0, new CommandLine(new CertsCommand().io(out.stream)).execute("-out", dir.toString()));
        Process verify = new ProcessBuilder("openssl", "verify", "-CAfile", dir.resolve("ca.pem").toString(),
                dir.resolve("server.pem").toString(), dir.resolve("client.pem").toString()).redirectErrorStream(true).start();
        String result = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(BOUND, TimeUnit.MILLISECONDS));
        assertEquals(0, verify.exitValue(), result);
        assertTrue(result.contains("server.pem: OK") && result.contains("client.pem: OK"), result);
        Process san = new ProcessBuilder("openssl", "x509", "-noout", "-ext", "subjectAltName", "-in",
                dir.resolve("server.pem").toString()).redirectErrorStream(true).start();
        String sanText = new String(san.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(san.waitFor(BOUND, TimeUnit.MILLISECONDS));
        assertTrue(sanText.contains("DNS:localhost") && sanText.contains("IP Address:127.0.0.1"), sanText);
    }
}
