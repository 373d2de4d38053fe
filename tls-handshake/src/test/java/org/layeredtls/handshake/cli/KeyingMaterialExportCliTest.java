package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * {@code -keymatexport LABEL -keymatexportlen N} on {@code client} and {@code server}: OpenSSL's
 * "Keying material exporter:" block, with the value the OpenSSL peer prints for the same connection.
 */
@Timeout(120)
class KeyingMaterialExportCliTest {

    /** OpenSSL's block, the material captured. */
    private static final Pattern BLOCK = Pattern.compile(
            "Keying material exporter:\n    Label: 'EXPERIMENTAL-cli'\n    Length: 24 bytes\n    Keying material: ([0-9A-F]{48})\n");

    private static String material(String output) {
        Matcher m = BLOCK.matcher(output.replace("\r\n", "\n"));
        assertTrue(m.find(), output);
        return m.group(1);
    }

    @Test
    void ourClientPrintsTheKeyingMaterialSServerPrints() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"), "-tls1_3",
                "-keymatexport", "EXPERIMENTAL-cli", "-keymatexportlen", "24")) {
            Cli.Running client = Cli.client(server.port(), "-tls1_3", "-CAfile", file("ca.pem"),
                    "-keymatexport", "EXPERIMENTAL-cli", "-keymatexportlen", "24");
            client.out.await(BLOCK, 1);
            String theirs = server.awaitOutput(BLOCK);
            assertEquals(material(theirs), material(client.text()));
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
        }
    }

    @Test
    void ourServerPrintsTheKeyingMaterialSClientPrints() throws Exception {
        Cli.Running server = Cli.server("-naccept", "1", "-tls1_2", "-keymatexport", "EXPERIMENTAL-cli", "-keymatexportlen", "24");
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"), "-tls1_2",
                "-keymatexport", "EXPERIMENTAL-cli", "-keymatexportlen", "24")) {
            String theirs = client.awaitOutput(BLOCK);
            server.out.await(BLOCK, 1);
            assertEquals(material(theirs), material(server.text()));
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
        }
    }
}
