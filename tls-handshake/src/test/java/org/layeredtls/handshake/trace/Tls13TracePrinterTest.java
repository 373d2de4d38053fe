package org.layeredtls.handshake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.record.ProtocolVersion;

/**
 * {@code -trace} and {@code -explain} over TLS 1.3: the encrypted handshake shown decrypted, with its inner
 * content type, and its messages read as TLS 1.3's (EncryptedExtensions, Certificate with its request context
 * and per-entry extensions, a Finished as long as the suite's hash, NewSessionTicket with nonce and age_add);
 * against {@code openssl s_client -tls1_3 -trace} for the same session.
 */
class Tls13TracePrinterTest {

    /** The lines both traces print for the same TLS 1.3 bytes (the compatibility CCS aside: OpenSSL prints only the one it sends). */
    private static final Pattern SHARED = Pattern.compile(
            "(?m)^ *(\\w+, Length=\\d+|verify_data \\(len=\\d+\\): [0-9A-F]+|Inner Content Type = \\w+ \\(\\d+\\)|No extensions"
                    + "|context \\(len=0\\): |certificate_list, length=\\d+|ASN\\.1Cert, length=\\d+|TLS 1\\.3 \\(772\\)"
                    + "|ticket_lifetime_hint=\\d+|ticket_age_add=\\d+|ticket_nonce \\(len=\\d+\\): [0-9A-F]*"
                    + "|\\{0x[0-9A-F]{2}, 0x[0-9A-F]{2}\\} \\w+|extension_type=\\w+\\(\\d+\\), length=\\d+)$");

    /** The shared lines up to the first application data (the closing alerts race with the end of s_client). */
    private static List<String> shared(String trace) {
        List<String> lines = SHARED.matcher(trace).results().map(m -> m.group(1)).toList();
        int applicationData = lines.indexOf("Inner Content Type = ApplicationData (23)");
        return applicationData < 0 ? lines : lines.subList(0, applicationData + 1);
    }

    @Test
    void printsTheDecryptedTls13HandshakeAsOpenSslClientTraceDoes() throws Exception {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream explained = new ByteArrayOutputStream();
        String theirs;
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Pki.server()
                .versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).sessionTickets(true)
                .ticketProtector(TicketProtector.withDefaults()).tls13TicketCount(2)
                .observer(TlsObservers.of(new TracePrinter(new PrintStream(ours, true, StandardCharsets.UTF_8)),
                        new ExplainPrinter(new PrintStream(explained, true, StandardCharsets.UTF_8)))).build());
             OpenSslProcess client = OpenSslProcess.client(listener.getLocalPort(), "-tls1_3", "-trace",
                     "-CAfile", Pki.caPem().toString())) {
            try (TlsSocket s = listener.accept()) {
                s.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                s.startHandshake();
                client.awaitOutput("Verify return code");
                client.write("ping\n");
                assertEquals('p', s.getInputStream().read()); // our tickets went before this data was read
                client.awaitOutput(Pattern.compile("(?s)NewSessionTicket.*ticket_nonce"));
                client.closeInput();
                while (s.getInputStream().read() >= 0) {
                    continue; // the rest of "ping", then close_notify
                }
            }
            assertTrue(client.awaitExit(OpenSslProcess.TIMEOUT_MILLIS));
            theirs = client.output();
        }
        String trace = ours.toString(StandardCharsets.UTF_8);
        List<String> expected = shared(theirs);
        assertTrue(expected.size() > 25, theirs);
        assertEquals(expected, shared(trace), trace);
        assertFalse(trace.contains("does not decode"), trace);
        Matcher finished = Pattern.compile("Sent Record\nHeader:\n  Version = TLS 1.2 \\(0x303\\)\n  Content Type = ApplicationData \\(23\\)\n"
                + "  Length = 69\n  Protected: 69 bytes of ciphertext carry 52 bytes of plaintext\n  Inner Content Type = Handshake \\(22\\)\n"
                + "    Finished, Length=48\n      verify_data \\(len=48\\): [0-9A-F]{96}\n").matcher(trace);
        assertTrue(finished.find(), trace);

        String explanation = explained.toString(StandardCharsets.UTF_8);
        assertTrue(explanation.contains("inner content type = Handshake (22): what the record really carries"), explanation);
        assertTrue(explanation.contains("msg_type = encrypted_extensions(8): which handshake message this is (RFC 8446 §4.3.1)"), explanation);
        assertTrue(explanation.contains("1 byte of content type, 0 zero bytes of padding, 16 bytes of tag. The nonce is this direction's"
                + " write_iv XOR sequence number 0 (RFC 8446 §5.3)"), explanation);
        assertTrue(explanation.contains("change_cipher_spec (1): in TLS 1.3 only for middleboxes"), explanation);
        assertFalse(explanation.contains("body that does not decode"), explanation);
        assertFalse(explanation.contains("trailing bytes"), explanation);
    }
}
