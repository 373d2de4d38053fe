package org.layeredtls.handshake.cli;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

import org.layeredtls.handshake.api.TlsSocket;
import picocli.CommandLine.Option;

/**
 * {@code -keymatexport LABEL -keymatexportlen N}, as s_client and s_server take them: after the handshake,
 * export N bytes of keying material under LABEL with no context (RFC 8446 §7.5, RFC 5705) and print them in
 * OpenSSL's "Keying material exporter:" block, so that both ends' values can be compared.
 */
public class KeyingMaterialOptions {

    /** OpenSSL's default {@code -keymatexportlen}. */
    static final int DEFAULT_LENGTH = 20;

    @Option(names = "-keymatexport", paramLabel = "LABEL", description = "Export keying material under LABEL"
            + " (RFC 5705 / RFC 8446 §7.5, no context) and print it, as OpenSSL does.")
    String label;
    @Option(names = "-keymatexportlen", paramLabel = "N", defaultValue = "" + DEFAULT_LENGTH,
            description = "How many bytes -keymatexport exports (default ${DEFAULT-VALUE}).")
    int length;

    /** OpenSSL's block, or nothing without {@code -keymatexport}. */
    List<String> lines(TlsSocket socket) throws IOException {
        if (label == null) {
            return List.of();
        }
        byte[] material = socket.exportKeyingMaterial(label, null, length);
        return List.of("Keying material exporter:",
                "    Label: '" + label + "'",
                "    Length: " + length + " bytes",
                "    Keying material: " + HexFormat.of().withUpperCase().formatHex(material));
    }
}
