package org.layeredtls.cwmp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.cwmp.demo.PapersDemoTest.assertInOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.record.ProtocolVersion;

/**
 * The demo over TLS 1.3 ({@code --tls-version TLSv1.3}), run once: the papers' CWMP session over mutually
 * authenticated TLS 1.3, its capture record by record with what TLS 1.3 changed, the resumption by PSK, and the
 * refused CPE that learns of the refusal only after its own Finished.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PapersDemoTls13Test {

    @TempDir
    static Path dir;
    private static String output;
    private static Path keyLog;

    @BeforeAll
    static void runTheDemoOverTls13() throws Exception {
        keyLog = dir.resolve("keys.log");
        output = PapersDemoTest.run(new DemoOptions(ProtocolVersion.TLS1_3, null, keyLog, CaptureTrace.Detail.NORMAL),
                dir.resolve("run"), 0);
    }

    /** The text between the first occurrence of {@code from} and the next of {@code to}. */
    private static String between(String from, String to) {
        int start = output.indexOf(from);
        assertTrue(start >= 0, from + " in:\n" + output);
        int end = output.indexOf(to, start);
        assertTrue(end >= 0, to + " after " + from + " in:\n" + output);
        return output.substring(start, end);
    }

    @Test
    void theCwmpSessionRunsItsRpcsOverAMutuallyAuthenticatedTls13Handshake() {
        assertInOrder(output, List.of("authenticate each other over TLSv1.3",
                "CPE -> ACS Handshake(22)", "ClientHello", "supported_versions [TLSv1.3]",
                "key_share X25519MLKEM768 (1216 bytes), x25519 (32 bytes)", // the library's default key shares
                "ACS -> CPE Handshake(22)", "ServerHello", "supported_versions TLSv1.3 (server_version stays TLSv1.2)",
                "key_share X25519MLKEM768 (1120 bytes)", // the post-quantum hybrid: the ACS prefers it
                "-- keys: ACS's records from here on under server_handshake_traffic_secret",
                "ACS -> CPE ApplicationData(23)", "[17 03 03 ", "inner type Handshake(22)", "EncryptedExtensions",
                "CertificateRequest", "certificate_request_context (empty)", "signature_algorithms",
                "Certificate (1 certificate", "subject CN=localhost", "CertificateVerify", "signature rsa_pss_rsae_sha256",
                "Finished", "verify_data ",
                "-- keys: CPE's records from here on under client_handshake_traffic_secret",
                "CPE -> ACS ApplicationData(23)", "inner type Handshake(22)",
                "Certificate (1 certificate", "subject CN=" + PapersDemo.DEVICE, "issuer CN=LayeredTLS Demo CA",
                "CertificateVerify", "signature ecdsa_secp256r1_sha256", "Finished",
                "-- keys: CPE's records from here on under client_application_traffic_secret_0",
                "-- keys: ACS's records from here on under server_application_traffic_secret_0",
                "inner type ApplicationData(23)", "POST /acs HTTP/1.1", "SOAP: Inform " + PapersDemo.DEVICE, "0 BOOTSTRAP",
                "NewSessionTicket", "ticket_age_add", "SOAP: InformResponse",
                "SOAP: GetParameterValues", "GetParameterValuesResponse", "SOAP: SetParameterValues",
                "SetParameterValuesResponse Status=0", "SOAP: Download", "DownloadResponse Status=1", "HTTP/1.1 204 No Content",
                "inner type Alert(21)", "Alert warning close_notify (0)  (encrypted; closes CPE's writing side only",
                "[ok] session 1 ran to its end", "[ok] the ACS got 3 answers without fault",
                "TLS: SessionInfo[TLSv1.3", "All steps passed."));
        assertFalse(output.contains("[FAILED]"), output);
        for (String tls12Only : List.of("ServerKeyExchange", "ServerHelloDone", "ClientKeyExchange", "from now on",
                "abbreviated handshake: the session is resumed", "[encrypted; plaintext")) {
            assertFalse(output.contains(tls12Only), tls12Only + " in the TLS 1.3 run:\n" + output);
        }
    }

    @Test
    void everyRecordAfterTheHellosIsApplicationDataOutsideAndTheCcsIsOnlyTheCompatibilityGesture() {
        int connections = count("---- new TLS connection ----");
        assertEquals(4, connections, output); // sessions 1 and 2, the Connection Request's session, the refused CPE
        // RFC 8446 §5.1: only the hellos go as handshake records; all else is application_data {3,3} outside
        assertEquals(2 * connections, count("\\s(CPE -> ACS|ACS -> CPE) Handshake\\(22\\)"), output);
        assertEquals(count("ChangeCipherSpec\\(20\\)"), count("middlebox compatibility only \\(RFC 8446 §D.4\\)"), output);
        assertEquals(2 * connections, count("ChangeCipherSpec\\(20\\)"), output); // one each way (RFC 8446 §D.4)
        Matcher record = Pattern.compile("ApplicationData\\(23\\) TLSv1.2 \\(0x0303\\)  length (\\d+)  \\[17 03 03 ([0-9a-f]{2}) ([0-9a-f]{2}),")
                .matcher(output);
        int records = 0;
        while (record.find()) {
            records++;
            int length = Integer.parseInt(record.group(2) + record.group(3), 16);
            assertEquals(Integer.parseInt(record.group(1)), length, "the outer header's length: " + record.group());
        }
        assertTrue(records > 30, output);
    }

    @Test
    void sessionTwoResumesWithThePskOfATicketAndNoCertificates() {
        String resumed = between("== 5. Session 2", "== 6.");
        assertInOrder(resumed, List.of("NewSessionTicket (psk_dhe_ke", "ClientHello", "pre_shared_key",
                "ServerHello", "key_share X25519MLKEM768", "pre_shared_key: the server takes the PSK", "EncryptedExtensions", "Finished",
                "Finished", "TransferComplete CommandKey=fw-1.1 FaultCode=0", "(resumed)", "[ok] session 2 resumed the TLS session"));
        String handshake = resumed.substring(resumed.indexOf("---- new TLS connection ----"), resumed.indexOf("SOAP: Inform"));
        assertFalse(handshake.contains("Certificate"), "no Certificate, CertificateRequest, CertificateVerify:\n" + handshake);
    }

    @Test
    void theRefusedCpeLearnsOfTheEncryptedAlertOnlyAfterItsOwnFinished() {
        String refusal = between("== 7. Refusal", "== All steps passed.");
        assertInOrder(refusal, List.of("Certificate (1 certificate", "issuer CN=Somebody Else's CA",
                "CPE -> ACS ApplicationData(23)", "Finished",
                "ACS -> CPE ApplicationData(23)", "inner type Alert(21)", "Alert fatal unknown_ca (48)  (encrypted",
                "REFUSED: the ACS sent the fatal alert unknown_ca (48)", "[ok] the alert is unknown_ca",
                "TLS 1.3: the alert came encrypted", "the CPE learnt of it only after its own Finished",
                "[ok] the CPE learnt of the refusal after its own Finished", "[ok] no CWMP session at the ACS for the intruder"));
        assertFalse(refusal.contains("TLS 1.2: the alert came in the clear"), refusal);
        // the record numbers the demo gives are those of the capture: the CPE's Finished, then the ACS's alert
        Matcher said = Pattern.compile("after its own Finished \\(record #(\\d+) before record #(\\d+)\\)").matcher(refusal);
        assertTrue(said.find(), refusal);
        int finished = Integer.parseInt(said.group(1));
        int alert = Integer.parseInt(said.group(2));
        assertTrue(finished < alert, said.group());
        assertTrue(Pattern.compile("#" + finished + "\\s+CPE -> ACS ApplicationData\\(23\\)[^\\n]*\\n\\s+Finished\\n")
                .matcher(refusal).find(), refusal);
        assertTrue(Pattern.compile("#" + alert + "\\s+ACS -> CPE ApplicationData\\(23\\)[^\\n]*inner type Alert\\(21\\)[^\\n]*\\n"
                + "\\s+Alert fatal unknown_ca").matcher(refusal).find(), refusal);
    }

    @Test
    void theKeyLogHasTheTls13SecretsWiresharkNeedsAndNoMasterSecretLine() throws Exception {
        List<String> lines = Files.readAllLines(keyLog);
        Pattern tls13 = Pattern.compile("(CLIENT_HANDSHAKE_TRAFFIC_SECRET|SERVER_HANDSHAKE_TRAFFIC_SECRET|CLIENT_TRAFFIC_SECRET_0"
                + "|SERVER_TRAFFIC_SECRET_0|EXPORTER_SECRET) [0-9a-f]{64} [0-9a-f]{64,96}");
        assertTrue(lines.stream().allMatch(l -> tls13.matcher(l).matches()), lines.toString());
        for (String label : List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET")) {
            // one per traced connection of the CPE: sessions 1 and 2 and the Connection Request's (the refused CPE has no key log)
            assertEquals(3, lines.stream().filter(l -> l.startsWith(label + " ")).count(), label + ": " + lines);
        }
    }

    private static int count(String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
