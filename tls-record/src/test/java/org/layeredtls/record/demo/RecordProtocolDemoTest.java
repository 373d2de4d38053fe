package org.layeredtls.record.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class RecordProtocolDemoTest {

    private static String run(int expectedExit, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CommandLine line = new CommandLine(new RecordProtocolDemo(out));
        line.setErr(new java.io.PrintWriter(out, true));
        line.setOut(new java.io.PrintWriter(out, true));
        assertEquals(expectedExit, line.execute(args), bytes.toString(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
            "TLSv1.2, AES_128_CBC, HMAC_SHA1, 128, false",
            "TLSv1.2, AES_128_GCM, NULL, 64, true",
            "TLSv1.2, CHACHA20_POLY1305, NULL, 16384, false",
            "TLSv1, TRIPLE_DES_EDE_CBC, HMAC_SHA1, 100, false",
            "SSLv3, RC4_128, HMAC_MD5, 200, true",
    })
    void sendsTheMessageRecordByRecordReadsItBackAndRefusesATamperedRecord(
            String version, String cipher, String mac, int fragment, boolean deflate) {
        String output = run(0, "--tls-version", version, "--cipher", cipher, "--mac", mac,
                "--fragment", String.valueOf(fragment), deflate ? "--deflate" : "--etm=false");
        assertTrue(output.contains("Record 1 (sequence number 0)"), output);
        assertTrue(output.contains("identical to what was sent: yes"), output);
        assertTrue(output.contains("would send the fatal alert bad_record_mac, bytes 02 14"), output);
        int records = (int) Math.ceil(RecordProtocolDemo.DEFAULT_MESSAGE.length() / (double) fragment);
        assertTrue(output.contains(records + " records, "), output);
    }

    @Test
    void tls13PutsTheTypeInsideAndAnApplicationDataHeaderOutsideAndPadsOnRequest() {
        String output = run(0, "--tls-version", "TLSv1.3", "--cipher", "AES_128_GCM", "--padding", "64",
                "--message", "hello");
        assertTrue(output.contains("TLSInnerPlaintext { content (5) | type application_data (17) | zeros (58) }, length 64"),
                output);
        assertTrue(output.contains("TLSCiphertext { length 80 }: AEAD( TLSInnerPlaintext (64) ) | tag (16)"), output);
        assertTrue(output.contains("header 17 03 03 00 50 + 80 bytes"), output);
        assertTrue(output.contains("identical to what was sent: yes"), output);
        assertTrue(output.contains("would send the fatal alert bad_record_mac, bytes 02 14"), output);
    }

    /** RFC 8446 §5.3: the nonce of record N is the write iv with N XORed into its last 8 bytes, shown for each record. */
    @Test
    void tls13ShowsEachRecordsNonceTheIvXorTheSequenceNumber() {
        String output = run(0, "--tls-version", "TLSv1.3", "--cipher", "AES_128_GCM", "--fragment", "64",
                "--message", "x".repeat(130));
        java.util.regex.Matcher iv = java.util.regex.Pattern.compile("write iv {7}([0-9a-f ]+)\n").matcher(output);
        assertTrue(iv.find(), output);
        byte[] writeIv = java.util.HexFormat.of().parseHex(iv.group(1).replace(" ", ""));
        for (int seq = 0; seq < 3; seq++) {
            byte[] nonce = writeIv.clone();
            nonce[11] ^= (byte) seq;
            String expected = "nonce = iv XOR " + seq + " = " + java.util.HexFormat.ofDelimiter(" ").formatHex(nonce) + ",";
            assertTrue(output.contains(expected), expected + " in\n" + output);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "TLSv1.3, AES_128_CBC, , TLS 1.3 protects records with an AEAD only",
            "TLSv1.3, AES_128_GCM, --deflate, TLS 1.3 has no compression",
            "TLSv1.2, AES_128_CCM, , protects TLS 1.3 records only here",
    })
    void refusesWhatTls13DoesNotHaveAndCcmBeforeIt(String version, String cipher, String extra, String reason) {
        String output = extra == null ? run(2, "--tls-version", version, "--cipher", cipher)
                : run(2, "--tls-version", version, "--cipher", cipher, extra);
        assertTrue(output.contains(reason), output);
    }

    @ParameterizedTest
    @CsvSource({"--fragment, 10", "--tls-version, TLSv9", "--padding, 16"})
    void refusesOptionsOutsideTheRfcLimits(String option, String value) {
        String output = run(2, option, value);
        assertTrue(output.contains("Usage: record-demo"), output);
    }

    @ParameterizedTest
    @CsvSource({"--help", "-h"})
    void helpListsTheOptionsAndExitsZero(String help) {
        String output = run(0, help);
        assertTrue(output.contains("Usage: record-demo"), output);
        assertTrue(output.contains("--tls-version"), output);
        assertTrue(output.contains("--deflate"), output);
    }

    @Test
    void htmlOutsideTheLauncherSaysWhereThePageWriterIs() {
        String output = run(2, "-html", "records.html");
        assertTrue(output.contains("-html needs the page writer of the handshake module: run it as ./layeredtls record-demo -html FILE"), output);
    }
}
