package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.testing.CapturedOutput;

import picocli.CommandLine;

/** {@code server -accept} reads what {@code openssl s_server -accept} reads: PORT, HOST:PORT, [IPv6]:PORT, *:PORT. */
class ServerAcceptAddressTest {

    @Test
    void aBarePortListensOnTheLoopbackAddress() {
        assertEquals(new AcceptAddress(null, 4433), AcceptAddress.parse("4433"));
    }

    @Test
    void hostColonPortAndBracketedIpv6AndStarAreReadAsSServerReadsThem() {
        assertEquals(new AcceptAddress("127.0.0.1", 4433), AcceptAddress.parse("127.0.0.1:4433"));
        assertEquals(new AcceptAddress("localhost", 0), AcceptAddress.parse("localhost:0"));
        assertEquals(new AcceptAddress("::1", 4433), AcceptAddress.parse("[::1]:4433"));
        assertEquals(new AcceptAddress("*", 4433), AcceptAddress.parse("*:4433"));
    }

    @Test
    void refusesWhatIsNoPortOrAnUnbracketedIpv6Address() {
        for (String wrong : new String[] {"https", "127.0.0.1:https", "[::1]4433", "::1:4433", "70000", "-1", "127.0.0.1:"}) {
            assertThrows(IllegalArgumentException.class, () -> AcceptAddress.parse(wrong), wrong);
        }
    }

    @Test
    void aWrongAcceptValueIsAUsageErrorThatSaysWhy() {
        CapturedOutput err = new CapturedOutput();
        CommandLine line = new CommandLine(new ServerCommand());
        line.setErr(new java.io.PrintWriter(err.stream, true));
        assertEquals(2, line.execute("-accept", "127.0.0.1:https", "-cert", file("server.pem"), "-key", file("server.key")));
        assertTrue(err.text().contains("the port 'https' is not a number"), err.text());
    }

    @Test
    void hostColonPortListensThereAndServesAClient() throws Exception {
        Cli.Running server = new Cli.Running(new ServerCommand(), "-accept", "127.0.0.1:0", "-cert", file("server.pem"),
                "-key", file("server.key"), "-www", "-naccept", "1");
        server.out.await("ACCEPT ");
        Matcher accept = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)\\n").matcher(server.text());
        assertTrue(accept.find(), server.text());
        int port = Integer.parseInt(accept.group(1));
        assertNotEquals(0, port);
        Cli.Running client = Cli.client(port, "-CAfile", file("ca.pem"), "-quiet");
        client.type("GET / HTTP/1.0\r\n\r\n");
        assertEquals(0, client.exitCode(), client::text);
        assertTrue(client.text().contains("LayeredTLS s_server -www"), client.text());
        assertEquals(0, server.exitCode(), server::text);
    }

    @Test
    void aBracketedIpv6AddressListensThereAndPrintsItAsSServerDoes() throws Exception {
        Cli.Running server = new Cli.Running(new ServerCommand(), "-accept", "[::1]:0", "-cert", file("server.pem"),
                "-key", file("server.key"), "-www", "-naccept", "1");
        server.out.await("ACCEPT ");
        Matcher accept = Pattern.compile("ACCEPT \\[::1\\]:(\\d+)\\n").matcher(server.text());
        assertTrue(accept.find(), server.text());
        Cli.Running client = new Cli.Running(new ClientCommand(), "-connect", "[::1]:" + accept.group(1),
                "-CAfile", file("ca.pem"), "-servername", "localhost", "-quiet");
        client.type("GET / HTTP/1.0\r\n\r\n");
        assertEquals(0, client.exitCode(), client::text);
        assertTrue(client.text().contains("LayeredTLS s_server -www"), client.text());
        assertEquals(0, server.exitCode(), server::text);
    }
}
