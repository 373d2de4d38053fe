package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * TLS 1.3 0-RTT on the command line, as OpenSSL's: {@code client -early_data FILE} against
 * {@code s_server -early_data}, and {@code server -early_data} against {@code s_client -sess_in -early_data}.
 */
@Timeout(120)
class EarlyDataCliTest {

    private static final String EARLY = "early words from the command line";

    @TempDir
    Path directory;

    @Test
    void ourClientSendsTheFileAsEarlyDataAndSServerPrintsItAsEarly() throws Exception {
        Path early = Files.writeString(directory.resolve("early.txt"), EARLY);
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"), "-tls1_3",
                "-early_data")) {
            Cli.Running client = Cli.client(server.port(), "-tls1_3", "-CAfile", file("ca.pem"), "-early_data", early.toString());
            client.out.await("Early data was accepted");
            server.awaitOutput("End of early data");
            String theirs = server.output();
            assertTrue(theirs.contains("Early data received:") && theirs.contains(EARLY), theirs);
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
        }
    }

    @Test
    void ourServerPrintsSClientsEarlyDataAsSServerDoes() throws Exception {
        Path early = Files.writeString(directory.resolve("early.txt"), EARLY);
        Path session = directory.resolve("session.pem");
        Cli.Running server = Cli.server("-naccept", "2", "-tls1_3", "-early_data");
        try (OpenSslProcess first = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"), "-tls1_3",
                "-sess_out", session.toString())) {
            server.out.await("No early data received");
            first.write("after the handshake, our tickets are read\n");
            server.out.await("after the handshake");
            first.closeInput();
            assertTrue(first.awaitExit(OpenSslProcess.TIMEOUT_MILLIS), first::output);
        }
        try (OpenSslProcess second = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"), "-tls1_3",
                "-sess_in", session.toString(), "-early_data", early.toString())) {
            server.out.await("End of early data");
            assertTrue(server.text().contains("Early data received:\n" + EARLY + "\nEnd of early data"), server::text);
            second.awaitOutput("Early data was accepted");
            second.closeInput();
        }
        assertEquals(0, server.exitCode(), server::text);
    }
}
