package org.layeredtls.handshake.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

import org.layeredtls.handshake.api.TlsObserver;

/**
 * Writes the NSS key log format that Wireshark, tshark and {@code openssl s_client -keylogfile}
 * share: one line per session,
 *
 * <pre>CLIENT_RANDOM &lt;client random, 64 hex digits&gt; &lt;master secret, 96 hex digits&gt;</pre>
 *
 * and for TLS 1.3, which has no master secret, one line per secret Wireshark needs
 * ({@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_HANDSHAKE_TRAFFIC_SECRET},
 * {@code CLIENT_TRAFFIC_SECRET_0}, {@code SERVER_TRAFFIC_SECRET_0}, {@code EXPORTER_SECRET}), with the
 * client random too,
 *
 * appended and flushed line by line, so a capture tool reading the file while the connection runs
 * sees each line at once. Works for either side (a server logs the client's random too).
 * Thread-safe: one writer may serve every connection of a server.
 *
 * <p>The file holds the keys to every logged session: it exists for debugging and teaching, and is
 * off unless asked for.
 */
public final class KeyLogWriter implements TlsObserver, Closeable {

    private static final HexFormat HEX = HexFormat.of();

    private final Writer out;

    public KeyLogWriter(Writer out) {
        this.out = out;
    }

    /** Appends to {@code file}, creating it if needed. */
    public static KeyLogWriter appendingTo(Path file) throws IOException {
        return new KeyLogWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    /** The key log line for one session (no line terminator). */
    public static String line(byte[] clientRandom, byte[] masterSecret) {
        return "CLIENT_RANDOM " + HEX.formatHex(clientRandom) + " " + HEX.formatHex(masterSecret);
    }

    /** The key log line for one TLS 1.3 secret (no line terminator): {@code LABEL <client random> <secret>}. */
    public static String line(String label, byte[] clientRandom, byte[] secret) {
        return label + " " + HEX.formatHex(clientRandom) + " " + HEX.formatHex(secret);
    }

    @Override
    public void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
        append(line(clientRandom, masterSecret));
    }

    @Override
    public void tls13SecretDerived(byte[] clientRandom, String label, byte[] secret) {
        append(line(label, clientRandom, secret));
    }

    private void append(String entry) {
        String line = entry + "\n";
        synchronized (out) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("key log: cannot write", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}
