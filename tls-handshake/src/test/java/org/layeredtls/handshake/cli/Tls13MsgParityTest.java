package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;
import static org.layeredtls.handshake.cli.MsgParityTest.assertSameSession;
import static org.layeredtls.handshake.cli.MsgParityTest.blocks;
import static org.layeredtls.handshake.cli.MsgParityTest.messages;
import static org.layeredtls.handshake.cli.MsgParityTest.oursAsThePeerPrintsThem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.handshake.cli.MsgParityTest.Block;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * Our {@code -msg} against {@code openssl -msg -tls1_3} for the same TLS 1.3 session, as
 * {@link MsgParityTest} for TLS 1.2: each protected record printed decrypted (its header, an
 * {@code InnerContent} line with the inner content type, its message), the compatibility
 * ChangeCipherSpec, a HelloRetryRequest, client authentication, the tickets and KeyUpdate.
 */
class Tls13MsgParityTest {

    /** The kinds of TLS 1.3 handshake compared. */
    enum Cell {
        FULL,
        /** The server accepts only P-384; the client's first key share is x25519: RFC 8446 §4.1.4. */
        HELLO_RETRY_REQUEST,
        /** The server requires a certificate: CertificateRequest, and the client's Certificate and CertificateVerify. */
        CLIENT_AUTHENTICATION;

        List<String> serverArgs() {
            return switch (this) {
                case FULL -> List.of();
                case HELLO_RETRY_REQUEST -> List.of("-groups", "P-384");
                case CLIENT_AUTHENTICATION -> List.of("-Verify", "1", "-CAfile", file("ca.pem"));
            };
        }

        List<String> clientArgs() {
            return switch (this) {
                case FULL -> List.of();
                case HELLO_RETRY_REQUEST -> List.of("-groups", "X25519:P-384");
                case CLIENT_AUTHENTICATION -> List.of("-cert", file("client.pem"), "-key", file("client.key"));
            };
        }
    }

    /** What both sides print for the handshake: at least ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished. */
    private static final int MINIMUM_BLOCKS = 6;

    private static final Pattern SERVER_KEY_UPDATE_SENT =
            Pattern.compile(">>> TLS 1\\.3, Handshake \\[length 0005\\], KeyUpdate\n {4}18 00 00 01 00\n");

    private static String[] args(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void ourClientPrintsWhatOpenSslServerPrintsMirrored(Cell cell) throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server(args(List.of("-cert", file("server.pem"), "-key", file("server.key"),
                "-tls1_3", "-msg"), cell.serverArgs()))) {
            Cli.Running client = Cli.client(server.port(), args(List.of("-msg", "-quiet", "-tls1_3", "-CAfile", file("ca.pem"),
                    "-servername", "localhost"), cell.clientArgs()));
            client.type("ping\n");
            server.awaitOutput("ping");
            client.out.await(Pattern.compile("<<< TLS 1\\.3, Handshake \\[length [0-9a-f]{4}\\], NewSessionTicket\n"), 2);
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
            String ours = client.text();
            assertSameSession(ours, server.output(), MINIMUM_BLOCKS);
            assertTrue(ours.contains(">>> TLS 1.2, RecordHeader [length 0005]\n    17 03 03 00 45\n"
                    + ">>> TLS 1.2, InnerContent [length 0001]\n    16\n>>> TLS 1.3, Handshake [length 0034], Finished\n"), ours);
            assertEquals(messages(blocks(server.output()), true, "NewSessionTicket"),
                    messages(oursAsThePeerPrintsThem(ours), true, "NewSessionTicket"), ours);
            assertEquals(cell == Cell.HELLO_RETRY_REQUEST ? 2 : 1, messages(blocks(ours), false, "ServerHello").size(), ours);
            assertEquals(cell == Cell.CLIENT_AUTHENTICATION ? 1 : 0, messages(blocks(ours), true, "CertificateVerify").size(), ours);
        }
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void ourServerPrintsWhatOpenSslClientPrintsMirrored(Cell cell) throws Exception {
        Cli.Running server = Cli.server(args(List.of("-msg", "-tls1_3", "-naccept", "1"), cell.serverArgs()));
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), args(List.of("-tls1_3", "-msg", "-CAfile",
                file("ca.pem")), cell.clientArgs()))) {
            client.awaitOutput("Verify return code");
            client.write("ping\n");
            server.out.await("ping");
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
            assertTrue(client.awaitExit(OpenSslProcess.TIMEOUT_MILLIS), client::output); // all it printed, not what was read so far
            assertSameSession(server.text(), client.output(), MINIMUM_BLOCKS);
            assertTrue(server.text().contains("<<< TLS 1.2, RecordHeader [length 0005]\n    17 03 03 00 16\n"
                    + "<<< TLS 1.3, InnerContent [length 0001]\n    17\n"), server::text);
        }
    }

    /**
     * Our s_client's {@code K}: a KeyUpdate asking for one back (RFC 8446 §4.6.3), each printed decrypted on
     * both sides.
     */
    @Test
    void keyUpdateBothWaysIsPrintedAsOpenSslPrintsIt() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"),
                "-tls1_3", "-msg")) {
            Cli.Running client = Cli.client(server.port(), "-msg", "-tls1_3", "-CAfile", file("ca.pem"),
                    "-servername", "localhost");
            client.type("ping\n");
            server.awaitOutput("ping");
            client.type("K\n");
            server.awaitOutput("KeyUpdate");
            server.write("pong\n"); // OpenSSL answers update_requested with the next record it writes
            server.awaitOutput(SERVER_KEY_UPDATE_SENT);
            client.out.await("<<< TLS 1.3, Handshake [length 0005], KeyUpdate\n    18 00 00 01 00\n");
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
            List<Block> ours = oursAsThePeerPrintsThem(client.text());
            List<Block> theirs = blocks(server.output());
            for (boolean sent : new boolean[] {true, false}) {
                List<Block> expected = messages(theirs, sent, "KeyUpdate");
                assertEquals(1, expected.size(), server::output);
                assertEquals(expected, messages(ours, sent, "KeyUpdate"), client::text);
            }
            assertTrue(client.text().contains(">>> TLS 1.2, InnerContent [length 0001]\n    16\n"
                    + ">>> TLS 1.3, Handshake [length 0005], KeyUpdate\n    18 00 00 01 01\n"), client::text);
        }
    }

    /** An alert in TLS 1.3 is encrypted (RFC 8446 §6): its record decrypted, the inner type 21 (alert), then the alert. */
    @Test
    void closeNotifyIsPrintedDecryptedWithItsInnerContentType() throws Exception {
        Cli.Running server = Cli.server("-msg", "-tls1_3", "-naccept", "1");
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), "-tls1_3", "-msg", "-CAfile", file("ca.pem"))) {
            client.awaitOutput("Verify return code");
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
            assertTrue(client.awaitExit(OpenSslProcess.TIMEOUT_MILLIS), client::output); // its close_notify line may be unread yet
            String closeNotify = "InnerContent [length 0001]\n    15\n%s TLS 1.3, Alert [length 0002], warning close_notify\n    01 00\n";
            assertTrue(client.output().contains(">>> TLS 1.2, " + closeNotify.formatted(">>>")), client::output);
            assertTrue(server.text().contains("<<< TLS 1.3, " + closeNotify.formatted("<<<")), server::text);
        }
    }
}
