package org.layeredtls.handshake.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.V2ClientHello;
import org.layeredtls.handshake.trace.ExplainPrinter;
import org.layeredtls.handshake.trace.MsgPrinter;
import org.layeredtls.handshake.trace.TlsObservers;
import org.layeredtls.handshake.trace.TracePrinter;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.HandshakeServer;

/** What the server's observers see of an SSLv2-compatible ClientHello: its 2-byte header, its fields, its bytes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class V2ClientHelloTraceTest {

    private static final V2ClientHello HELLO = new V2ClientHello(ProtocolVersion.TLS1_2,
            List.of(V2ClientHelloServerTest.SSL_CK_RC4_128_WITH_MD5, V2ClientHelloServerTest.AES_128_CBC_SHA),
            new byte[0], V2Hellos.bytes(0x40, 16));

    /** The handshake message events: the ClientHello it stands for, with the V2 message bytes. */
    private static final class Received implements TlsObserver {
        HandshakeMessage first;
        byte[] firstBytes;

        @Override
        public synchronized void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
            if (first == null) {
                first = message;
                firstBytes = bytes;
            }
        }
    }

    private static String run(java.util.function.Function<PrintStream, TlsObserver> printer, Received received) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        try (HandshakeServer server = V2ClientHelloServerTest.ourServer(V2ClientHelloServerTest.serverConfig().observer(TlsObservers.of(printer.apply(out), received)).build())) {
            Future<SessionInfo> serverSide = V2ClientHelloServerTest.serve(server, 0);
            try (V2HelloClient client = new V2HelloClient(server.port())) {
                assertTrue(client.handshake(HELLO, false).serverFinishedVerified());
            }
            assertEquals(ProtocolVersion.TLS1_2, serverSide.get(30, TimeUnit.SECONDS).version());
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    @Test
    void traceShowsTheTwoByteHeaderThenTheFields() throws Exception {
        String trace = run(TracePrinter::new, new Received());
        String expected = String.join("\n",
                "Received Record",
                "Header:",
                "  SSLv2 record header = 801F (high bit set: 2-byte header, RFC 5246 Appendix E.2)",
                "  Length = 31",
                "    V2ClientHello (SSLv2-compatible ClientHello), Length=31",
                "      msg_type=1 (client_hello)",
                "      version=0x303 (TLS 1.2)",
                "      cipher_specs (len=6)",
                "        {0x01, 0x00, 0x80} SSL_CK_RC4_128_WITH_MD5 (SSL 2.0 only: ignored)",
                "        {0x00, 0x00, 0x2F} TLS_RSA_WITH_AES_128_CBC_SHA",
                "      session_id (len=0): ",
                "      challenge (len=16): 404142434445464748494A4B4C4D4E4F",
                "",
                "Sent Record");
        assertTrue(trace.startsWith(expected), trace);
        assertTrue(trace.contains("    ServerHello, Length="), trace);
    }

    @Test
    void msgPrintsTheMessageBytesAsOpenSslDoes() throws Exception {
        String msg = run(MsgPrinter::new, new Received());
        assertTrue(msg.startsWith("<<< Not TLS data or unknown version (version=2, content_type=0) [length 001f]\n"
                + "    01 03 03 00 06 00 00 00 10 01 00 80 00 00 2f 40\n"), msg);
    }

    @Test
    void explainWalksTheHeaderAndEveryField() throws Exception {
        String explained = run(ExplainPrinter::new, new Received());
        assertTrue(explained.startsWith("Received record, sequence number 0: an SSLv2-compatible ClientHello, 33 bytes"), explained);
        assertTrue(explained.contains("80 1f"), explained);
        assertTrue(explained.contains("challenge_length = 16"), explained);
        assertTrue(explained.contains("00 00 2f") && explained.contains("a TLS suite, prefixed by a zero byte"), explained);
    }

    @Test
    void observersGetTheClientHelloItStandsForWithTheV2MessageBytes() throws Exception {
        Received received = new Received();
        run(out -> TlsObserver.NONE, received);
        assertEquals(HELLO.toClientHello(), received.first);
        assertEquals(java.util.HexFormat.of().formatHex(HELLO.encode()), java.util.HexFormat.of().formatHex(received.firstBytes));
    }
}
