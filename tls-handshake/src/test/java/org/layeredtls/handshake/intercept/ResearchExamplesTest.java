package org.layeredtls.handshake.intercept;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * The three tasks of RESEARCH.md ({@link ResearchExamples}), each against {@code openssl s_server
 * -tls1_2}: tamper the peer's ServerKeyExchange signature (our decrypt_error, and OpenSSL reads it);
 * drop the peer's Finished (our handshake timeout and its handshake_failure); a transcript from our
 * observer, with our ClientHello changed and sent as raw bytes, equal message for message to what
 * {@code s_server -msg} printed. Each prints its output (quoted in RESEARCH.md).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ResearchExamplesTest {

    private static final Pattern MSG_HANDSHAKE = Pattern.compile(
            "(?m)^(<<<|>>>) [^,\\n]+, Handshake \\[length (\\p{XDigit}+)\\], [^\\n]*\\n((?: {4}[0-9a-f ]+\\n)+)");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private static OpenSslProcess sServer(String... more) {
        List<String> args = new ArrayList<>(List.of("-tls1_2", "-cert", Pki.serverPem().toString(),
                "-key", Pki.serverKey().toString()));
        args.addAll(List.of(more));
        return OpenSslProcess.server(args.toArray(String[]::new));
    }

    private void show(String title) {
        System.out.println("---- " + title + "\n" + printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTamperedServerKeyExchangeSignatureEndsOurHandshakeWithDecryptErrorWhichOpenSslReceives() throws Exception {
        try (OpenSslProcess server = sServer()) {
            TlsAlertException sent = ResearchExamples.tamperTheServerKeyExchange(server.port(), out);
            assertEquals(AlertDescription.DECRYPT_ERROR, sent.description(), sent::getMessage);
            out.println("s_server: " + server.awaitOutput(Pattern.compile("[^:\\n]*alert decrypt error[^\\n]*SSL alert number 51")));
            show("tamper the peer's ServerKeyExchange signature");
        }
    }

    @Test
    void aDroppedServerFinishedEndsOurHandshakeAtTheConfiguredTimeoutWithHandshakeFailureWhichOpenSslReceives()
            throws Exception {
        Duration timeout = Duration.ofMillis(1500);
        try (OpenSslProcess server = sServer()) {
            long start = System.nanoTime();
            TlsAlertException sent = ResearchExamples.dropTheServerFinished(server.port(), timeout, out);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, sent.description(), sent::getMessage);
            assertTrue(sent.getMessage().contains("handshake timeout"), sent.getMessage());
            assertTrue(millis >= timeout.toMillis() - 50 && millis < 15_000, "the timeout fired after " + millis + " ms");
            out.println("s_server: " + server.awaitOutput(Pattern.compile("[^:\\n]*alert handshake failure[^\\n]*SSL alert number 40")));
            show("drop the peer's Finished");
        }
    }

    @Test
    void aFlippedBitInTheServersProtectedFinishedRecordIsOurBadRecordMacWhichOpenSslReceives() throws Exception {
        try (OpenSslProcess server = sServer()) {
            TlsAlertException sent = ResearchExamples.flipABitOnTheWire(server.port(), out);
            assertEquals(AlertDescription.BAD_RECORD_MAC, sent.description(), sent::getMessage);
            out.println("s_server: " + server.awaitOutput(Pattern.compile("[^:\\n]*alert bad record mac[^\\n]*SSL alert number 20")));
            show("flip a bit in the peer's protected record");
        }
    }

    @Test
    void theObserversTranscriptOfAHandshakeWhoseClientHelloWentAsChangedRawBytesEqualsOpenSslsMessageForMessage()
            throws Exception {
        try (OpenSslProcess server = sServer("-msg")) {
            ResearchExamples.Transcript transcript = ResearchExamples.observeAHandshake(server.port(), out);
            // the whole block, its 16 bytes (header and 12-byte verify_data) on one line: a partial read must not match
            server.awaitOutput(Pattern.compile(">>> [^\\n]*Handshake \\[length 0010\\], Finished\\n {4}[0-9a-f]{2}(?: [0-9a-f]{2}){15}\\n"));
            List<byte[]> opensslReceived = msgMessages(server.output(), "<<<");
            List<byte[]> opensslSent = msgMessages(server.output(), ">>>");
            assertSameMessages(opensslReceived, ResearchExamples.bytes(transcript, true), "what we sent / s_server received");
            assertSameMessages(opensslSent, ResearchExamples.bytes(transcript, false), "what s_server sent / we received");
            byte[] ourHello = transcript.messages().get(0).bytes();
            assertEquals(0x1A1A, ((ourHello[ourHello.length - 4] & 0xFF) << 8) | (ourHello[ourHello.length - 3] & 0xFF),
                    "the observer reports the ClientHello as changed and sent, not as the engine made it");
            out.println("s_server: " + server.awaitOutput(Pattern.compile("<<< [^\\n]*ClientHello")));
            out.printf("s_server -msg: the same %d messages; SHA-256 of all but the server's Finished: %s%n",
                    transcript.messages().size(), transcriptHash(transcript));
            show("a transcript from the observer");
        }
    }

    /** The handshake messages {@code s_server -msg} printed in one direction ({@code <<<} received, {@code >>>} sent). */
    static List<byte[]> msgMessages(String output, String direction) {
        List<byte[]> messages = new ArrayList<>();
        Matcher m = MSG_HANDSHAKE.matcher(output);
        while (m.find()) {
            if (m.group(1).equals(direction)) {
                byte[] bytes = HexFormat.of().parseHex(m.group(3).replaceAll("\\s", ""));
                assertEquals(Integer.parseInt(m.group(2), 16), bytes.length, "-msg length field");
                messages.add(bytes);
            }
        }
        return messages;
    }

    private static void assertSameMessages(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": number of messages");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ": message " + i);
        }
    }

    private static String transcriptHash(ResearchExamples.Transcript transcript) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        List<ResearchExamples.Transcript.Message> messages = transcript.messages();
        for (int i = 0; i < messages.size() - 1; i++) {
            sha256.update(messages.get(i).bytes());
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 8) + "...";
    }
}
