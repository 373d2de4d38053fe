package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wireshark's command-line dissector, {@code tshark}, reading a capture file: the independent check that a key
 * log of ours decrypts a session ({@code -o tls.keylog_file:FILE}). Runs bounded in time and is stopped by its
 * own handle. It must be installed (.ci/run installs Debian's {@code tshark}); the tests fail without it.
 */
final class Tshark extends PeerProcess {

    static final Duration WAIT = Duration.ofSeconds(60);

    private Tshark(List<String> command, Path directory) throws IOException {
        super(command, directory);
    }

    /**
     * {@code tshark -n -r pcap [-o tls.keylog_file:keyLog] -o http.desegment_body:FALSE -V}: every packet dissected
     * in full, TLS decrypted where the key log (if any) allows; returns standard output. Fails if tshark does not
     * exit with 0 in time. HTTP bodies are shown as they come: an HTTP/1.0 response without Content-Length (as
     * {@code s_server -www}'s) ends with the connection, which the HTTP dissector would otherwise wait for.
     */
    static String dissect(Path pcap, Optional<Path> keyLog) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
        keyLog.ifPresent(file -> command.addAll(List.of("-o", "tls.keylog_file:" + file)));
        command.addAll(List.of("-o", "http.desegment_body:FALSE", "-V"));
        try (Tshark tshark = new Tshark(command, pcap.getParent())) {
            Optional<Integer> exit = tshark.awaitExit(WAIT);
            if (!exit.equals(Optional.of(0))) {
                throw new IOException("tshark did not end cleanly (" + exit + "):\n" + tshark.diagnostics());
            }
            return tshark.stdout();
        }
    }
}
