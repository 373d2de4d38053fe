package org.layeredtls.handshake.illustrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.cli.ServerCommand;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.CapturedOutput;

import picocli.CommandLine;

/** {@code server -html}: seen from the server, openssl s_client is still drawn on the left. */
class ServerSessionPageTest {

    @Test
    void serverDrawsOpenSslClientOnTheLeftAndItsOwnRecordsOnTheRight(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("server.html");
        Path keyLog = dir.resolve("keys.log");
        CapturedOutput out = new CapturedOutput();
        ServerCommand command = new ServerCommand().io(new ByteArrayInputStream(new byte[0]), out.stream);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(command).execute(
                "-accept", "0", "-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(),
                "-echo", "-naccept", "1", "-keylogfile", keyLog.toString(), "-html", page.toString()));
        out.await("ACCEPT");
        Matcher port = Pattern.compile("ACCEPT [^:]+:(\\d+)").matcher(out.text());
        assertTrue(port.find());
        try (OpenSslProcess client = OpenSslProcess.client(Integer.parseInt(port.group(1)), "-tls1_2",
                "-CAfile", Pki.caPem().toString())) {
            client.awaitOutput("Verify return code: 0 (ok)");
            client.write("echo me\n");
            client.awaitOutput(Pattern.compile("---\\s[\\s\\S]*echo me"));
            client.closeInput();
            assertEquals(0, exit.get(OpenSslProcess.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), out::text);
        }
        Document html = Jsoup.parse(Files.readString(page));
        List<Element> arrows = html.select("ol.ladder > li.arrow");
        assertEquals("Handshake: ClientHello", arrows.get(0).selectFirst(".label").text());
        assertTrue(arrows.get(0).hasClass("c2s"));
        assertTrue(arrows.get(1).hasClass("s2c"), arrows.get(1).text());
        assertTrue(arrows.get(1).selectFirst(".label").text().startsWith("Handshake: ServerHello"), arrows.get(1).text());
        List<String> echoed = html.select("li.arrow.appdata .label").eachText();
        assertEquals(List.of("ApplicationData (8 bytes)", "ApplicationData (8 bytes)"), echoed, "echo me\\n, and back");
        assertTrue(html.selectFirst(".summary").text().contains("seen by the server"));
        String masterSecret = Files.readString(keyLog).strip().split(" ")[2];
        assertEquals(masterSecret, html.getElementById("keys").select("dt:matches(^master_secret) + dd").first().text());
    }
}
