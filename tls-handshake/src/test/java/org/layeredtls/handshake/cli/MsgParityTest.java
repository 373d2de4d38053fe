package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * Our {@code -msg} against {@code openssl -msg} for the same session: what one side prints as sent
 * ({@code >>>}), the other prints as received ({@code <<<}), block for block: the RecordHeader lines
 * with the header bytes, and each handshake message with its name, length and bytes. The one
 * difference left: OpenSSL 3.0 does not print a ChangeCipherSpec it receives (we do).
 *
 * <p>TLS 1.3: each protected record decrypted, as its header, the {@code InnerContent} line with the
 * inner content type, then its message; the compatibility ChangeCipherSpec, HelloRetryRequest, client
 * authentication, NewSessionTicket and KeyUpdate in both directions.
 */
class MsgParityTest {

    /** One printed block: the title line and its hex lines. */
    record Block(String title, String hex) {
        boolean sent() {
            return title.startsWith(">>> ");
        }

        Block mirrored() {
            return new Block((sent() ? "<<< " : ">>> ") + title.substring(4), hex);
        }

        /** The header of an application data or alert record: the handshake is over (or failed). */
        boolean endsTheHandshake() {
            return title.contains("RecordHeader") && (hex.startsWith("17 ") || hex.startsWith("15 "));
        }

        /** TLS 1.3: the inner content type of the record before (its header says application_data whatever it carries). */
        boolean isInnerContent() {
            return title.contains(", InnerContent [");
        }

        /** TLS 1.3: what comes after the handshake (application data, an alert, a ticket, a KeyUpdate). */
        boolean endsTheTls13Handshake() {
            return isInnerContent() && (hex.startsWith("17 ") || hex.startsWith("15 "))
                    || title.endsWith(", NewSessionTicket") || title.endsWith(", KeyUpdate");
        }
    }

    static List<Block> blocks(String output) {
        List<Block> blocks = new ArrayList<>();
        String title = null;
        StringBuilder hex = new StringBuilder();
        for (String line : (output + "\nEND").split("\r?\n")) {
            if (title != null && line.matches(" {4}[0-9a-f]{2}( [0-9a-f]{2})*")) {
                hex.append(line.trim()).append(' ');
                continue;
            }
            if (title != null) {
                blocks.add(new Block(title, hex.toString()));
                title = null;
                hex.setLength(0);
            }
            if (line.startsWith(">>> ") || line.startsWith("<<< ")) {
                title = line;
            }
        }
        return blocks;
    }

    /**
     * One direction's blocks up to the first application data or alert record: the handshake. In TLS 1.3,
     * up to the first record after the handshake (whose header and inner content type are left out too).
     */
    static List<Block> handshake(List<Block> blocks, boolean sent) {
        List<Block> direction = blocks.stream().filter(b -> b.sent() == sent).toList();
        boolean tls13 = direction.stream().anyMatch(Block::isInnerContent);
        List<Block> handshake = new ArrayList<>();
        for (Block block : direction) {
            if (tls13 ? block.endsTheTls13Handshake() : block.endsTheHandshake()) {
                while (!handshake.isEmpty() && !handshake.get(handshake.size() - 1).title().contains(", Handshake [")) {
                    handshake.remove(handshake.size() - 1); // this record's header and inner content type
                }
                break;
            }
            handshake.add(block);
        }
        return handshake;
    }

    /** The blocks of every message named {@code name} in one direction, e.g. the tickets received. */
    static List<Block> messages(List<Block> blocks, boolean sent, String name) {
        return blocks.stream().filter(b -> b.sent() == sent && b.title().endsWith(", " + name)).toList();
    }

    /** Ours mirrored, without the ChangeCipherSpec we sent, which OpenSSL 3.0's callback never reports as received. */
    static List<Block> oursAsThePeerPrintsThem(String ours) {
        return blocks(ours).stream().map(Block::mirrored)
                .filter(b -> b.sent() || !b.title().contains(", ChangeCipherSpec ")).toList();
    }

    /**
     * A server's line for the ClientHello it receives: OpenSSL's server prints its own method's version
     * there (TLS 1.3, whatever -tls1_2 says); ours prints the highest version it speaks. Not compared.
     */
    static Block withoutReceivedClientHelloVersion(Block block) {
        return !block.sent() && block.title().endsWith(", ClientHello")
                ? new Block(block.title().replaceFirst("^<<< [^,]+,", "<<< (the server's own version),"), block.hex()) : block;
    }

    static void assertSameSession(String ours, String openssl) {
        assertSameSession(ours, openssl, 7);
    }

    /**
     * TLS 1.3's inner content type line: OpenSSL prints a sent one with the record's version (TLS 1.2), a
     * received one with the connection's (TLS 1.3), and so do we; mirrored, the two differ. Not compared.
     */
    static Block withoutInnerContentVersion(Block block) {
        return block.isInnerContent() ? new Block(block.title().replaceFirst(" [^,]+, InnerContent", " (a version), InnerContent"), block.hex()) : block;
    }

    static void assertSameSession(String ours, String openssl, int minimumBlocks) {
        List<Block> mirrored = oursAsThePeerPrintsThem(ours).stream().map(MsgParityTest::withoutReceivedClientHelloVersion)
                .map(MsgParityTest::withoutInnerContentVersion).toList();
        List<Block> theirs = blocks(openssl).stream().map(MsgParityTest::withoutReceivedClientHelloVersion)
                .map(MsgParityTest::withoutInnerContentVersion).toList();
        for (boolean sent : new boolean[] {true, false}) {
            List<Block> expected = handshake(theirs, sent);
            assertTrue(expected.size() >= minimumBlocks, () -> "openssl printed too little:\n" + openssl);
            assertEquals(expected, handshake(mirrored, sent), () -> "ours:\n" + ours + "\nopenssl:\n" + openssl);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA"})
    void ourClientPrintsWhatOpenSslServerPrintsMirrored(String suite) throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"),
                "-tls1_2", "-msg")) {
            Cli.Running client = Cli.client(server.port(), "-msg", "-quiet", "-cipher", suite, "-CAfile", file("ca.pem"),
                    "-servername", "localhost");
            client.type("ping\n");
            server.awaitOutput("ping");
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
            assertSameSession(client.text(), server.output());
            assertTrue(client.text().contains(">>> TLS 1.2, Handshake [length 0010], Finished\n"), client::text);
        }
    }

    @Test
    void ourServerPrintsWhatOpenSslClientPrintsMirrored() throws Exception {
        Cli.Running server = Cli.server("-msg", "-tls1_2", "-naccept", "1");
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), "-tls1_2", "-msg", "-CAfile", file("ca.pem"))) {
            client.awaitOutput("Verify return code");
            client.write("ping\n");
            server.out.await("ping");
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
            assertTrue(client.awaitExit(OpenSslProcess.TIMEOUT_MILLIS), client::output); // all it printed, not what was read so far
            assertSameSession(server.text(), client.output());
            assertTrue(server.text().contains("<<< TLS 1.0, RecordHeader [length 0005]\n    16 03 01 "), server::text);
        }
    }
}
