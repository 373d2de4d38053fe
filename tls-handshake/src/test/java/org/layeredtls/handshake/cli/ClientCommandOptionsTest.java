package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.handshake.research.OpenSslProcess;

/** Every option of our {@code client} that the other tests do not run, against a real {@code openssl s_server}. */
class ClientCommandOptionsTest {

    private static final Pattern VERIFY_CODE = Pattern.compile("Verify return code: [^\\n]*");

    private static OpenSslProcess sServer(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("-cert", file("server.pem"), "-key", file("server.key")));
        all.addAll(List.of(args));
        return OpenSslProcess.server(all.toArray(String[]::new));
    }

    /** Runs our client with standard input already ended: handshake, summary, close. */
    private static String runClient(int port, String... args) throws Exception {
        Cli.Running client = Cli.client(port, args);
        client.endInput();
        assertEquals(0, client.exitCode(), client::text);
        return client.text();
    }

    @Test
    void clientCertificateSatisfiesSServerCapitalVerify() throws Exception {
        try (OpenSslProcess server = sServer("-tls1_2", "-Verify", "1", "-CAfile", file("ca.pem"))) {
            Cli.Running client = Cli.client(server.port(), "-CAfile", file("ca.pem"), "-servername", "localhost",
                    "-cert", file("client.pem"), "-key", file("client.key"));
            client.out.await("Verify return code: 0 (ok)");
            server.awaitOutput("subject=CN = layeredtls-client");
            client.type("signed in\n");
            server.awaitOutput("signed in");
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
        }
    }

    @Test
    void withoutItsCertificateSServerCapitalVerifyRefusesOurClient() throws Exception {
        try (OpenSslProcess server = sServer("-tls1_2", "-Verify", "1", "-CAfile", file("ca.pem"))) {
            Cli.Running client = Cli.client(server.port(), "-CAfile", file("ca.pem"));
            client.endInput();
            assertEquals(1, client.exitCode(), client::text);
            assertTrue(client.text().contains("(alert handshake_failure(40))"), client.text());
        }
    }

    @Test
    void alpnIsNegotiatedWithSServer() throws Exception {
        try (OpenSslProcess server = sServer("-tls1_2", "-alpn", "h2,http/1.1")) {
            String text = runClient(server.port(), "-CAfile", file("ca.pem"), "-alpn", "foo,http/1.1");
            assertTrue(text.contains("\nALPN protocol: http/1.1\n"), text);
            server.awaitOutput("ALPN protocols selected: http/1.1");
        }
    }

    @Test
    void maxSendFragKeepsEveryRecordSServerReceivesAt512BytesOfPlaintext() throws Exception {
        try (OpenSslProcess server = sServer("-tls1_2", "-msg")) {
            String text = runClientTyping(server.port(), "a".repeat(3000) + "\n", "-CAfile", file("ca.pem"), "-max_send_frag", "512");
            assertTrue(text.contains("Cipher is ECDHE-RSA-AES128-GCM-SHA256"), text);
            server.awaitOutput("close_notify");
            // s_server -msg prints each record header it reads; application data is 17 03 03 <length>,
            // and AES-GCM adds 8 bytes of explicit nonce and a 16-byte tag to the plaintext
            Matcher m = Pattern.compile("<<< TLS 1.2, RecordHeader \\[length 0005\\]\\n\\s+17 03 03 ([0-9a-f]{2}) ([0-9a-f]{2})")
                    .matcher(server.output());
            List<Integer> plaintext = new java.util.ArrayList<>();
            while (m.find()) {
                plaintext.add(Integer.parseInt(m.group(1) + m.group(2), 16) - 24);
            }
            assertTrue(plaintext.size() >= 6 && plaintext.contains(512), plaintext::toString);
            assertTrue(plaintext.stream().allMatch(n -> n <= 512), plaintext::toString);
            assertEquals(3001, plaintext.stream().mapToInt(Integer::intValue).sum(), plaintext::toString);
        }
    }

    private static String runClientTyping(int port, String input, String... args) throws Exception {
        Cli.Running client = Cli.client(port, args);
        client.out.await("Verify return code");
        client.type(input);
        client.endInput();
        assertEquals(0, client.exitCode(), client::text);
        return client.text();
    }

    @ParameterizedTest
    @CsvSource({"-tls1, TLSv1", "-tls1_1, TLSv1.1"})
    void oldVersionFlagsTalkToSServerAtSecurityLevelZero(String flag, String name) throws Exception {
        try (OpenSslProcess server = sServer("-cipher", "ALL:@SECLEVEL=0")) {
            // TLS 1.0/1.1 sign with MD5+SHA-1 or SHA-1: level 0 on our side too, as OpenSSL needs on both
            String text = runClientTyping(server.port(), "old times\n", flag, "-cipher", "DEFAULT:@SECLEVEL=0",
                    "-CAfile", file("ca.pem"), "-servername", "localhost");
            assertTrue(text.contains("New, " + name + ", Cipher is ECDHE-RSA-AES128-SHA\n"), text);
            assertTrue(text.contains("    Protocol  : " + name + "\n"), text);
            server.awaitOutput("old times");
            server.awaitOutput("CIPHER is ECDHE-RSA-AES128-SHA");
        }
    }

    /** Without -CAfile: the handshake completes, and the code is the one openssl s_client prints for the same server. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-tls1_2                                   | Verify return code: 21 (unable to verify the first certificate)",
        "-tls1_2 -cert_chain CHAIN                 | Verify return code: 19 (self-signed certificate in certificate chain)"})
    void withoutCaFileTheVerifyReturnCodeIsTheOneSClientPrints(String serverArgs, String expected) throws Exception {
        String[] args = serverArgs.replace("CHAIN", file("ca.pem")).split(" +");
        try (OpenSslProcess server = sServer(args)) {
            String ours = runClient(server.port(), "-servername", "localhost");
            try (OpenSslProcess theirs = OpenSslProcess.client(server.port(), "-servername", "localhost")) {
                String openssl = theirs.awaitOutput(VERIFY_CODE);
                assertEquals(expected, openssl);
                assertTrue(ours.contains("    " + expected + "\n"), ours);
                assertTrue(ours.contains("Verification error: "), ours);
                assertFalse(ours.contains("Verification: OK"), ours);
                assertTrue(ours.contains("New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256\n"), ours);
            }
        }
    }
}
