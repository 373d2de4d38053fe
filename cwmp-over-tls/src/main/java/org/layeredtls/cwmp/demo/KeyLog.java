package org.layeredtls.cwmp.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * The NSS key log format (one {@code CLIENT_RANDOM <client_random> <master_secret>} line per
 * session, hex), which Wireshark and tshark read to decrypt a capture of these connections. The
 * master secret is written only here, only when the user asks for the file.
 */
final class KeyLog {

    private final Path file;

    KeyLog(Path file) {
        this.file = file;
    }

    synchronized void masterSecret(byte[] clientRandom, byte[] masterSecret) {
        String line = "CLIENT_RANDOM " + HexFormat.of().formatHex(clientRandom) + " "
                + HexFormat.of().formatHex(masterSecret) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key log " + file, e);
        }
    }
}
