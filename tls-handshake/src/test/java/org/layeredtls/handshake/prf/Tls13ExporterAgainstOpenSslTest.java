package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.interop.OpenSslServer;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.testing.OpenSsl;

/**
 * The TLS 1.3 exporter (RFC 8446 §7.5), which RFC 8448 does not exercise, checked against OpenSSL:
 * {@code openssl s_client -keymatexport LABEL} prints the keying material of a real TLS 1.3
 * connection and {@code -keylogfile} writes the connection's exporter_master_secret
 * ({@code EXPORTER_SECRET}); our exporter, given that secret, must print the same bytes. One
 * s_server (127.0.0.1, ephemeral port) serves every cell.
 */
class Tls13ExporterAgainstOpenSslTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-F]+)");
    private static final Pattern EXPORTER_SECRET = Pattern.compile("(?m)^EXPORTER_SECRET [0-9a-f]{64} ([0-9a-f]+)$");

    @TempDir
    static Path directory;

    private static OpenSslServer server;

    @BeforeAll
    static void startServer() throws IOException, InterruptedException {
        TestPki pki = TestPki.create(directory);
        server = OpenSslServer.builder().directory(directory)
                .cert(pki.serverEcdsa().certificate()).key(pki.serverEcdsa().key())
                .option("-tls1_3")
                .ciphersuites("TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256")
                .start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            assertTrue(!server.isAlive(), "s_server still runs after close");
        }
    }

    @ParameterizedTest(name = "{0} ({1}), label {2}, {3} bytes")
    @CsvSource({
        "TLS_AES_128_GCM_SHA256, SHA256, EXPERIMENTAL-layeredtls, 32",
        "TLS_AES_256_GCM_SHA384, SHA384, EXPERIMENTAL-layeredtls, 40",
        "TLS_CHACHA20_POLY1305_SHA256, SHA256, EXTRACTOR-dtls_srtp, 60",
        "TLS_AES_256_GCM_SHA384, SHA384, EXPORTER-Channel-Binding, 32",
    })
    void exporterGivesWhatOpenSslExports(String suite, HashAlgorithm hash, String label, int length) throws IOException {
        Path keyLog = Files.createTempFile(directory, "keylog", ".txt");
        String output = OpenSsl.run(directory, "s_client", "-connect", "127.0.0.1:" + server.port(),
                "-tls1_3", "-ciphersuites", suite, "-keylogfile", keyLog.toString(),
                "-keymatexport", label, "-keymatexportlen", Integer.toString(length)).output();
        byte[] opensslExport = HEX.parseHex(find(KEYING_MATERIAL, output, "s_client's keying material").toLowerCase(Locale.ROOT));
        byte[] exporterMasterSecret = HEX.parseHex(find(EXPORTER_SECRET, Files.readString(keyLog), "EXPORTER_SECRET"));
        assertEquals(hash.digestLength(), exporterMasterSecret.length);

        assertArrayEquals(opensslExport, Tls13KeySchedule.exporter(hash, exporterMasterSecret, label, null, length));
        // RFC 8446 §7.5: in TLS 1.3 no context and an empty context are the same
        assertArrayEquals(opensslExport, Tls13KeySchedule.exporter(hash, exporterMasterSecret, label, new byte[0], length));
    }

    @Test
    void aContextChangesTheExportedValue() {
        byte[] secret = new byte[32];
        byte[] none = Tls13KeySchedule.exporter(HashAlgorithm.SHA256, secret, "EXPERIMENTAL-x", null, 32);
        byte[] some = Tls13KeySchedule.exporter(HashAlgorithm.SHA256, secret, "EXPERIMENTAL-x", new byte[] {1}, 32);
        assertTrue(!java.util.Arrays.equals(none, some));
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), () -> what + " not found in:\n" + text);
        return matcher.group(1);
    }
}
