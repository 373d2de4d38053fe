package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.cli.Cli.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.PskKeyExchangeMode;
import org.layeredtls.handshake.research.OpenSslProcess;
import picocli.CommandLine;

/**
 * {@code server -stateless} and {@code -allow_no_dhe_kex} on {@code client} and {@code server}, as OpenSSL's:
 * against {@code openssl s_client} (which shows our HelloRetryRequest's cookie in its trace, and resumes) and
 * {@code openssl s_server -allow_no_dhe_kex}. (With OpenSSL 3.0's meaning both ends offering both modes resume with
 * psk_dhe_ke; psk_ke itself is shown against OpenSSL in {@code interop.Tls13NegotiationInteropTest}.)
 */
@Timeout(120)
class Tls13NegotiationCliTest {

    @TempDir
    Path directory;

    @Test
    void allowNoDheKexAddsPskKeAfterPskDheKeAsOpenSsl30() {
        PskModeOptions options = new PskModeOptions();
        new CommandLine(options).parseArgs("-allow_no_dhe_kex");
        assertEquals(List.of(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE),
                options.configure(TlsConfig.builder()).build().pskKeyExchangeModes());
        PskModeOptions none = new PskModeOptions();
        new CommandLine(none).parseArgs();
        assertEquals(List.of(PskKeyExchangeMode.PSK_DHE_KE), none.configure(TlsConfig.builder()).build().pskKeyExchangeModes());
    }

    @Test
    void sClientEchoesTheCookieOfOurStatelessServerAndResumesWithPskKe() throws Exception {
        Path session = directory.resolve("session.pem");
        Cli.Running server = Cli.server("-naccept", "2", "-tls1_3", "-stateless", "-allow_no_dhe_kex");
        try (OpenSslProcess first = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"), "-tls1_3",
                "-allow_no_dhe_kex", "-trace", "-sess_out", session.toString())) {
            first.awaitOutput("extension_type=cookie_ext(44)"); // in our HelloRetryRequest, and in its second ClientHello
            first.awaitOutput("New, TLSv1.3");
            first.write("ping\n");
            server.out.await("ping\n"); // s_client has read our tickets by now
            server.type("pong\n");
            first.awaitOutput("pong");
            first.closeInput();
            assertTrue(first.awaitExit(OpenSslProcess.TIMEOUT_MILLIS), first.output());
        }
        assertTrue(Files.size(session) > 0);
        try (OpenSslProcess second = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"), "-tls1_3",
                "-allow_no_dhe_kex", "-sess_in", session.toString())) {
            second.awaitOutput("Reused, TLSv1.3");
            server.out.await(Pattern.compile("Reused, TLSv1\\.3"), 1);
            second.closeInput();
            assertEquals(0, server.exitCode(), server::text);
        }
    }

    @Test
    void ourClientResumesFromSServerAllowNoDheKex() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"), "-tls1_3",
                "-allow_no_dhe_kex")) {
            Cli.Running client = Cli.client(server.port(), "-tls1_3", "-CAfile", file("ca.pem"), "-allow_no_dhe_kex", "-reconnect");
            client.out.await(Pattern.compile("Reused, TLSv1\\.3"), 5);
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
        }
    }
}
