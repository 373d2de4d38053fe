package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.record.ProtocolVersion;

/**
 * Keying material exporters against OpenSSL's {@code -keymatexport} (no context, as OpenSSL's CLI): our
 * value is OpenSSL's for the same connection, both directions, in TLS 1.3 (RFC 8446 §7.5) and TLS 1.2
 * (RFC 5705) with and without the extended master secret (TLS 1.3 has no such flag: its schedule always binds the transcript).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KeyingMaterialExporterInteropTest {

    private static final String LABEL = "EXPERIMENTAL-layeredtls";
    private static final int LENGTH = 48;
    private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-F]+)");

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static ProtocolVersion version(String name) {
        return name.equals("TLSv1.3") ? ProtocolVersion.TLS1_3 : ProtocolVersion.TLS1_2;
    }

    @ParameterizedTest(name = "{0}, extended master secret {1}")
    @CsvSource({"TLSv1.3, true", "TLSv1.2, true", "TLSv1.2, false"})
    void ourClientExportsWhatSServerExports(String versionName, boolean extendedMasterSecret) throws Exception {
        ProtocolVersion version = version(versionName);
        TlsConfig config = TlsConfig.builder().versions(version, version).extendedMasterSecret(extendedMasterSecret)
                .trustAnchors(pki.trustAnchors()).serverName("localhost").build();
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .option("-keymatexport", LABEL, "-keymatexportlen", Integer.toString(LENGTH)).directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
            Exchange.bound(socket);
            assertEquals(version, socket.session().version());
            assertEquals(extendedMasterSecret && version == ProtocolVersion.TLS1_2, socket.session().extendedMasterSecret());
            byte[] ours = socket.exportKeyingMaterial(LABEL, null, LENGTH);
            Optional<PeerProcess.Match> theirs = server.awaitStdout(KEYING_MATERIAL, 0, Exchange.WAIT);
            assertTrue(theirs.isPresent(), server::diagnostics);
            assertEquals(theirs.get().group(1), HexFormat.of().withUpperCase().formatHex(ours));
        }
    }

    @ParameterizedTest(name = "{0}, extended master secret {1}")
    @CsvSource({"TLSv1.3, true", "TLSv1.2, true", "TLSv1.2, false"})
    void ourServerExportsWhatSClientExports(String versionName, boolean extendedMasterSecret) throws Exception {
        ProtocolVersion version = version(versionName);
        TlsConfig config = TlsConfig.builder().versions(version, version).extendedMasterSecret(extendedMasterSecret)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey()).build();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config);
             OpenSslClient client = OpenSslClient.builder(server.getLocalPort()).caFile(pki.ca().certificate())
                     .servername("localhost").option("-keymatexport", LABEL, "-keymatexportlen", Integer.toString(LENGTH))
                     .directory(directory).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            assertEquals(version, socket.session().version());
            assertEquals(extendedMasterSecret && version == ProtocolVersion.TLS1_2, socket.session().extendedMasterSecret());
            byte[] ours = socket.exportKeyingMaterial(LABEL, null, LENGTH);
            Optional<PeerProcess.Match> theirs = client.awaitStdout(KEYING_MATERIAL, 0, Exchange.WAIT);
            assertTrue(theirs.isPresent(), client::diagnostics);
            assertEquals(theirs.get().group(1), HexFormat.of().withUpperCase().formatHex(ours));
        }
    }
}
