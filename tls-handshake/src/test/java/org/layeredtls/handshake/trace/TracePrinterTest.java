package org.layeredtls.handshake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.intercept.OutgoingRecord;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.record.ContentType;

class TracePrinterTest {

    /** "ClientHello, Length=179", "verify_data (len=12): ..." and the other lines both traces print for the same bytes. */
    private static final Pattern SHARED = Pattern.compile(
            "(?m)^ *(\\w+, Length=\\d+|verify_data \\(len=\\d+\\): [0-9A-F]+|named_curve: .*|change_cipher_spec \\(1\\)"
                    + "|\\{0x[0-9A-F]{2}, 0x[0-9A-F]{2}\\} \\w+|gmt_unix_time=0x[0-9A-F]+|extension_type=\\w+\\(\\d+\\), length=\\d+)$");

    @Test
    void printsTheSameMessagesAndValuesAsOpenSslClientTraceForTheSameSession() throws Exception {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        String theirs;
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                Tls12Pki.server().observer(new TracePrinter(new PrintStream(ours, true, StandardCharsets.UTF_8))).build());
             OpenSslProcess client = OpenSslProcess.client(listener.getLocalPort(), "-tls1_2", "-trace",
                     "-CAfile", Pki.caPem().toString())) {
            try (TlsSocket s = listener.accept()) {
                s.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                s.startHandshake();
                client.awaitOutput("Verify return code");
                client.closeInput();
                s.getInputStream().read();
            }
            assertTrue(client.awaitExit(OpenSslProcess.TIMEOUT_MILLIS));
            theirs = client.output();
        }
        String trace = ours.toString(StandardCharsets.UTF_8);
        List<String> expected = shared(theirs);
        List<String> actual = shared(trace);
        assertTrue(expected.size() > 20, theirs);
        // Every line OpenSSL prints for the handshake messages (titles and lengths, suites, extensions,
        // randoms, curve, verify_data), in the same order: they decoded the same bytes.
        assertEquals(expected, actual, trace);
        assertTrue(trace.contains("Received Record\nHeader:\n  Version = TLS 1.0 (0x301)\n  Content Type = Handshake (22)\n"), trace);
        assertTrue(trace.contains("      client_version=0x303 (TLS 1.2)\n      Random:\n        gmt_unix_time=0x"), trace);
        assertTrue(trace.contains("          subject=CN=localhost"), trace);
        assertTrue(trace.contains("      Signature Algorithm: rsa_pss_rsae_sha256 (0x0804)"), trace);
        assertTrue(trace.contains("Level=warning(1), description=close_notify(0)"), trace);
    }

    @Test
    void printsTheFatalAlertThePeerSendsAndProtectedRecordsAsSuch() throws Exception {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        TracePrinter printer = new TracePrinter(new PrintStream(ours, true, StandardCharsets.UTF_8));
        boolean[] afterCcs = new boolean[1];
        try (OpenSslProcess server = OpenSslProcess.server("-tls1_2", "-cert", Pki.serverPem().toString(),
                "-key", Pki.serverKey().toString());
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), Tls12Pki.client().observer(printer)
                     .recordInterceptor(r -> {
                         if (r.type() == ContentType.CHANGE_CIPHER_SPEC) {
                             afterCcs[0] = true;
                             return r.bytes();
                         }
                         return afterCcs[0] ? r.withFlippedFragmentBit(r.bytes().length - OutgoingRecord.HEADER_LENGTH - 1, 7) : r.bytes();
                     }).build())) {
            assertThrows(TlsAlertReceivedException.class, socket::startHandshake);
        }
        String trace = ours.toString(StandardCharsets.UTF_8);
        assertTrue(trace.contains("Received Record\nHeader:\n  Version = TLS 1.2 (0x303)\n  Content Type = Alert (21)\n  Length = 2\n"
                + "    Level=fatal(2), description=bad_record_mac(20)\n"), trace);
        Matcher finished = Pattern.compile("Sent Record\nHeader:\n  Version = TLS 1.2 \\(0x303\\)\n  Content Type = Handshake \\(22\\)\n"
                + "  Length = 40\n  Protected: 40 bytes of ciphertext carry 16 bytes of plaintext\n    Finished, Length=12\n"
                + "      verify_data \\(len=12\\): [0-9A-F]{24}\n").matcher(trace);
        assertTrue(finished.find(), trace);
        assertFalse(trace.contains("does not decode"), trace);
    }

    /**
     * The shared lines, with OpenSSL's own names put back to the RFC's ("renegotiate" is RFC 5746's
     * renegotiation_info, "ecdh_x25519" RFC 8422's x25519), and without change_cipher_spec, which
     * OpenSSL prints for the records it sends only.
     */
    private static List<String> shared(String text) {
        return SHARED.matcher(text).results().map(m -> m.group(1))
                .map(line -> line.replace("renegotiate(", "renegotiation_info(").replace("ecdh_x25519", "x25519"))
                .filter(line -> !line.startsWith("change_cipher_spec")).toList();
    }
}
