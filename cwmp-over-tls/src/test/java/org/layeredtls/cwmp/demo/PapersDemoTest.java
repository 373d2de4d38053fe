package org.layeredtls.cwmp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/** The demo's main job, end to end: its output shows the papers' capture and the refusal. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PapersDemoTest {

    @TempDir
    Path dir;

    /** Runs the demo in this JVM; its output, after checking its exit status. */
    static String run(DemoOptions options, Path dir, int expectedStatus) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int status = new PapersDemo(options, out).run(dir);
            String output = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(expectedStatus, status, output);
            return output;
        }
    }

    /** Each expected text occurs in {@code output}, each after the one before. */
    static void assertInOrder(String output, List<String> expected) {
        int at = 0;
        for (String e : expected) {
            int found = output.indexOf(e, at);
            assertTrue(found >= 0, "expected \"" + e + "\" after position " + at + " in:\n" + output);
            at = found + e.length();
        }
    }

    @Test
    void theDefaultRunShowsTheMutualHandshakeTheSoapInsideAndTheRefusal() throws Exception {
        String output = run(DemoOptions.defaults(), dir, 0);
        assertInOrder(output, List.of(
                "CPE -> ACS Handshake(22)", "ClientHello", "server_name \"localhost\"",
                "ACS -> CPE Handshake(22)", "ServerHello", "Certificate (1 certificate)", "subject CN=localhost",
                "ServerKeyExchange", "CertificateRequest", "certificate_authorities [CN=LayeredTLS Demo CA]",
                "ServerHelloDone",
                "CPE -> ACS Handshake(22)", "Certificate (1 certificate)", "subject CN=" + PapersDemo.DEVICE,
                "ClientKeyExchange", "CertificateVerify", "signature ecdsa_secp256r1_sha256",
                "CPE -> ACS ChangeCipherSpec(20)", "Finished", "verify_data ",
                "NewSessionTicket", "ACS -> CPE ChangeCipherSpec(20)", "Finished", "verify_data ",
                "CPE -> ACS ApplicationData(23)", "[encrypted; plaintext", "POST /acs HTTP/1.1",
                "SOAP: Inform " + PapersDemo.DEVICE, "0 BOOTSTRAP",
                "SOAP: InformResponse", "SOAP: GetParameterValues", "SOAP: SetParameterValues", "SOAP: Download",
                "HTTP/1.1 204 No Content", "CPE -> ACS Alert(21)", "Alert warning close_notify",
                "ACS -> CPE Alert(21)", "Alert warning close_notify",
                "ClientHello", "session_ticket", "ServerHello", "ACS -> CPE ChangeCipherSpec(20)",
                "abbreviated handshake: the session is resumed", "Finished",
                "TransferComplete CommandKey=fw-1.1 FaultCode=0", "(resumed)", "[ok] session 2 resumed the TLS session",
                "ACS log: TLS resumed handshake", "certificate identity " + PapersDemo.DEVICE,
                "HTTP 401", "HTTP 200", "Inform [6 CONNECTION REQUEST]",
                "issuer CN=Somebody Else's CA", "ACS -> CPE Alert(21)", "Alert fatal unknown_ca (48)",
                "REFUSED: the ACS sent the fatal alert unknown_ca (48); the CPE received it",
                "All steps passed."));
        assertTrue(!output.contains("[FAILED]"), output);
        assertTrue(Files.exists(dir.resolve("pki/ca.pem")) && Files.exists(dir.resolve("pki/cpe.key")));
        // TLS 1.2 keeps its own account: the CCS changes the keys, alerts are in the clear before it, and the
        // refused CPE learns of the refusal before its handshake ends
        assertInOrder(output, List.of("REFUSED: the ACS sent the fatal alert unknown_ca (48)",
                "TLS 1.2: the alert came in the clear, in place of the ACS's ChangeCipherSpec and Finished"));
        for (String tls13Only : List.of("17 03 03", "inner type", "middlebox compatibility", "-- keys:", "TLS 1.3", "EncryptedExtensions")) {
            assertTrue(!output.contains(tls13Only), tls13Only + " in the TLS 1.2 run:\n" + output);
        }
    }

    @Test
    void theMandatoryRsaSuiteWithAKeyLogGivesTheClassicFlightAndNssLines() throws Exception {
        Path keyLog = dir.resolve("keys.log");
        String output = run(new DemoOptions(ProtocolVersion.TLS1_2, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, keyLog,
                CaptureTrace.Detail.NORMAL), dir.resolve("run"), 0);
        assertTrue(output.contains("cipher_suite TLS_RSA_WITH_AES_128_CBC_SHA"), output);
        assertTrue(output.contains("RSA-encrypted premaster secret 256 bytes"), output);
        assertTrue(!output.substring(0, output.indexOf("ServerHelloDone")).contains("ServerKeyExchange"),
                "no ServerKeyExchange in the RSA key exchange");
        List<String> lines = Files.readAllLines(keyLog);
        assertTrue(lines.size() >= 3, lines.toString());
        Pattern nss = Pattern.compile("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}");
        assertTrue(lines.stream().allMatch(l -> nss.matcher(l).matches()), lines.toString());
    }

    @Test
    void versionsAndCiphersParseByTheirUsualNames() {
        assertEquals(ProtocolVersion.TLS1_2, DemoOptions.parseVersion("TLSv1.2"));
        assertEquals(ProtocolVersion.TLS1_0, DemoOptions.parseVersion("tls1"));
        assertEquals(ProtocolVersion.SSL3_0, DemoOptions.parseVersion("SSLv3"));
        assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, DemoOptions.parseCipher("AES128-SHA"));
        assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, DemoOptions.parseCipher("TLS_RSA_WITH_AES_128_CBC_SHA"));
    }
}
