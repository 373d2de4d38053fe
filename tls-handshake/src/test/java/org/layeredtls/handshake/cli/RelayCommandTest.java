package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code relay} on the command line: our s_client → relay → our s_server, and a bad {@code -intercept}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RelayCommandTest {

    @Test
    void relaysOneConnectionBetweenOurClientAndOurServerTracingItsRecordsThenStops() throws Exception {
        Cli.Running server = Cli.server("-naccept", "1");
        Cli.Running relay = new Cli.Running(new RelayCommand(), "-accept", "127.0.0.1:0",
                "-connect", "127.0.0.1:" + Cli.port(server), "-naccept", "1");
        relay.out.await("ACCEPT");
        Cli.Running client = Cli.client(Cli.port(relay), "-CAfile", file("ca.pem"), "-servername", "localhost");
        client.out.await("Verify return code: 0 (ok)");
        client.type("through the relay\n");
        server.out.await("through the relay");
        client.endInput();
        assertEquals(0, client.exitCode(), client.text());
        assertEquals(0, relay.exitCode(), relay.text());
        assertEquals(0, server.exitCode(), server.text());
        String trace = relay.text();
        assertTrue(trace.contains("client -> server Record") && trace.contains("    ClientHello, Length="), trace);
        assertTrue(trace.contains("server -> client Record") && trace.contains("    ServerHello, Length="), trace);
        assertTrue(trace.contains("not opened (no -keylogfile)"), trace);
    }

    @Test
    void refusesAnInterceptClassThatIsNoRelayInterceptorBeforeListening() throws Exception {
        Cli.Running relay = new Cli.Running(new RelayCommand(), "-accept", "127.0.0.1:0", "-connect", "127.0.0.1:1",
                "-intercept", "java.lang.String");
        assertEquals(1, relay.exitCode());
        assertTrue(relay.text().contains("relay: -intercept java.lang.String: not a RelayInterceptor"), relay.text());
        assertFalse(relay.text().contains("ACCEPT"), relay.text());
    }

    @Test
    void loadsAResearchersOwnInterceptorFromInterceptClasspath(@TempDir Path classes) throws Exception {
        Path source = classes.resolve("CountingInterceptor.java");
        Files.writeString(source, """
                public class CountingInterceptor implements org.layeredtls.handshake.relay.RelayInterceptor {
                }
                """);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        assertEquals(0, compiled);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("CountingInterceptor"), "not on the classpath");
        Cli.Running relay = new Cli.Running(new RelayCommand(), "-accept", "127.0.0.1:0", "-connect", "127.0.0.1:1",
                "-naccept", "0", "-intercept", "CountingInterceptor", "-intercept_classpath", classes.toString());
        assertEquals(0, relay.exitCode(), relay.text());
        assertTrue(relay.text().startsWith("ACCEPT 127.0.0.1:"), relay.text());
    }
}
