package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * Our client prints the server's chain as {@code openssl s_client} does, for the same server: the
 * "Certificate chain" entries (s:, i:, a:, v:), the PEM of the server certificate or, with
 * {@code -showcerts}, of every certificate, and the subject=/issuer= lines; {@code -trace} shows
 * each certificate's PEM between s_client -trace's "details" rules.
 */
class CertificateChainParityTest {

    /** From "Certificate chain" to the "---" after "issuer=": the part both print the same. */
    private static final Pattern CHAIN = Pattern.compile("(?s)Certificate chain\\n.*?\\nissuer=[^\\n]*\\n");

    private static String chain(String output) {
        Matcher m = CHAIN.matcher(output.replace("\r\n", "\n"));
        assertTrue(m.find(), output);
        return m.group();
    }

    private static OpenSslProcess server() {
        return OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"), "-cert_chain", file("ca.pem"),
                "-tls1_2");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theChainIsPrintedAsSClientPrintsIt(boolean showCerts) throws Exception {
        String[] flag = showCerts ? new String[] {"-showcerts"} : new String[0];
        String theirs;
        try (OpenSslProcess server = server();
             OpenSslProcess client = OpenSslProcess.client(server.port(), concat(flag, "-CAfile", file("ca.pem")))) {
            client.awaitOutput("Verify return code");
            theirs = chain(client.output());
        }
        try (OpenSslProcess server = server()) {
            Cli.Running ours = Cli.client(server.port(), concat(flag, "-CAfile", file("ca.pem"), "-servername", "localhost"));
            ours.endInput();
            assertEquals(0, ours.exitCode(), ours::text);
            assertEquals(theirs, chain(ours.text()));
            assertEquals(showCerts ? 2 : 1, ours.text().split("-----BEGIN CERTIFICATE-----", -1).length - 1, ours::text);
        }
    }

    @org.junit.jupiter.api.Test
    void traceShowsEachCertificatesPemBetweenTheDetailsRulesAsSClientTraceDoes() throws Exception {
        String theirs;
        try (OpenSslProcess server = server();
             OpenSslProcess client = OpenSslProcess.client(server.port(), "-trace", "-CAfile", file("ca.pem"))) {
            client.awaitOutput("Verify return code");
            theirs = client.output();
        }
        try (OpenSslProcess server = server()) {
            Cli.Running ours = Cli.client(server.port(), "-trace", "-quiet", "-CAfile", file("ca.pem"), "-servername", "localhost");
            ours.endInput();
            assertEquals(0, ours.exitCode(), ours::text);
            Pattern details = Pattern.compile("(?s)------details-----\\n.*?(-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\\n)------------------");
            Matcher o = details.matcher(ours.text());
            Matcher t = details.matcher(theirs.replace("\r\n", "\n"));
            for (int i = 0; i < 2; i++) {
                assertTrue(o.find() && t.find(), ours::text);
                assertEquals(t.group(1), o.group(1), "certificate " + i);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void ourServerPrintsTheClientCertificateAsSServerDoes() throws Exception {
        Pattern clientCertificate = Pattern.compile("(?s)Client certificate\\n-----BEGIN CERTIFICATE-----.*?\\nissuer=[^\\n]*\\n");
        String[] client = {"-CAfile", file("ca.pem"), "-cert", file("client.pem"), "-key", file("client.key")};
        String theirs;
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"),
                "-Verify", "1", "-CAfile", file("ca.pem"), "-tls1_2");
             OpenSslProcess c = OpenSslProcess.client(server.port(), client)) {
            theirs = server.awaitOutput(clientCertificate);
        }
        Cli.Running ours = Cli.server("-Verify", "1", "-CAfile", file("ca.pem"), "-naccept", "1");
        try (OpenSslProcess c = OpenSslProcess.client(Cli.port(ours), client)) {
            c.awaitOutput("Verify return code: 0 (ok)");
            ours.out.await("\nissuer=CN = LayeredTLS CA\n");
            Matcher m = clientCertificate.matcher(ours.text());
            assertTrue(m.find(), ours::text);
            assertEquals(theirs, m.group());
        }
        assertEquals(0, ours.exitCode(), ours::text);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
