package org.layeredtls.handshake.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An NSS key log file (the format of {@code SSLKEYLOGFILE}, {@code openssl s_client -keylogfile}
 * and {@code layeredtls ... -keylogfile}): lines {@code CLIENT_RANDOM <client random> <master secret>}
 * in hex. Read again at each look-up, because the endpoint writes the line during the handshake
 * that the relay is forwarding.
 */
final class KeyLog {

    private static final String CLIENT_RANDOM = "CLIENT_RANDOM";

    /** How often the file is read again while waiting for a line. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final Path file;

    KeyLog(Path file) {
        this.file = file;
    }

    /**
     * The master secret logged for this client random, reading the file again until it holds the
     * line or {@code wait} has passed (the endpoint may still be deriving it).
     */
    Optional<byte[]> masterSecret(byte[] clientRandom, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<byte[]> found = masterSecret(clientRandom);
            if (found.isPresent() || System.nanoTime() - deadline >= 0) {
                return found;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The master secret logged for this client random, if the file holds it now. */
    Optional<byte[]> masterSecret(byte[] clientRandom) {
        String random = HexFormat.of().formatHex(clientRandom);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 3 && fields[0].equals(CLIENT_RANDOM) && fields[1].equalsIgnoreCase(random)) {
                    return Optional.of(HexFormat.of().parseHex(fields[2]));
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
