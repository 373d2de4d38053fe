package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.layeredtls.handshake.cli.Cli.file;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.testing.CapturedOutput;
import org.layeredtls.record.ProtocolVersion;

import picocli.CommandLine;

/**
 * {@code -tls1_3}, {@code -ciphersuites} and {@code -groups} on {@code client} and {@code server}, as OpenSSL's,
 * and the client's {@code k}/{@code K} KeyUpdate commands: against a real {@code openssl s_server} and
 * {@code s_client} speaking TLS 1.3.
 */
@Timeout(120)
class Tls13CliTest {

    private static TlsConfig configuredBy(String... args) throws Exception {
        CommonOptions options = new CommonOptions();
        new CommandLine(options).parseArgs(args);
        return options.configure(TlsConfig.builder(), new CapturedOutput().stream, true, "test").build();
    }

    @Test
    void tls13FlagsSetTheVersionsSuitesAndGroups() throws Exception {
        TlsConfig only13 = configuredBy("-tls1_3");
        assertEquals(List.of(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3), List.of(only13.minVersion(), only13.maxVersion()));
        TlsConfig both = configuredBy("-tls1_2", "-tls1_3");
        assertEquals(List.of(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_3), List.of(both.minVersion(), both.maxVersion()));
        TlsConfig defaults = configuredBy();
        assertEquals(List.of(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_3), List.of(defaults.minVersion(), defaults.maxVersion()),
                "no version flag: TLS 1.2 and 1.3, as OpenSSL");
        TlsConfig only12 = configuredBy("-tls1_2");
        assertEquals(List.of(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_2), List.of(only12.minVersion(), only12.maxVersion()));
        assertEquals(TlsConfig.DEFAULT_GROUPS, defaults.namedGroups());
        assertEquals(TlsConfig.DEFAULT_KEY_SHARE_GROUPS, defaults.keyShareGroups());
        assertEquals(List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519), configuredBy("-groups", "X25519MLKEM768:x25519").namedGroups());
        assertEquals(List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_128_GCM_SHA256),
                configuredBy("-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256").tls13CipherSuites());
        TlsConfig groups = configuredBy("-groups", "P-256:x25519:secp384r1");
        assertEquals(List.of(NamedGroup.SECP256R1, NamedGroup.X25519, NamedGroup.SECP384R1), groups.namedGroups());
        assertEquals(List.of(NamedGroup.SECP256R1), groups.keyShareGroups(), "a key share for the first group, as OpenSSL");
        assertThrows(IllegalArgumentException.class, () -> configuredBy("-ciphersuites", "ECDHE-RSA-AES128-GCM-SHA256"));
        assertThrows(IllegalArgumentException.class, () -> configuredBy("-groups", "P-255"));
    }

    @Test
    void ourClientSpeaksTls13WithSServerAndUpdatesKeysOnK() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", file("server.pem"), "-key", file("server.key"), "-tls1_3")) {
            Cli.Running client = Cli.client(server.port(), "-tls1_3", "-CAfile", file("ca.pem"),
                    "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256", "-groups", "P-384");
            client.out.await("New, TLSv1.3, Cipher is TLS_CHACHA20_POLY1305_SHA256");
            client.type("before the key update\n");
            server.awaitOutput("before the key update");
            client.type("K\n"); // KeyUpdate, asking s_server to update its keys too
            client.out.await("KEYUPDATE");
            client.type("after the key update\n");
            server.awaitOutput("after the key update");
            server.write("from s_server, under its new key\n");
            client.out.await("from s_server, under its new key");
            client.endInput();
            assertEquals(0, client.exitCode(), client::text);
        }
    }

    @Test
    void ourServerSpeaksTls13WithSClientAndAsksForItsGroupWithAHelloRetryRequest() throws Exception {
        Cli.Running server = Cli.server("-naccept", "1", "-tls1_3", "-groups", "P-384");
        try (OpenSslProcess client = OpenSslProcess.client(Cli.port(server), "-CAfile", file("ca.pem"), "-tls1_3")) {
            client.awaitOutput("Verify return code: 0 (ok)"); // s_client's share was x25519: one HelloRetryRequest
            server.out.await("Cipher is TLS_AES_256_GCM_SHA384");
            client.write("from s_client\n");
            server.out.await("from s_client\n");
            server.type("from our server\n");
            client.awaitOutput("from our server");
            client.closeInput();
            assertEquals(0, server.exitCode(), server::text);
        }
    }
}
