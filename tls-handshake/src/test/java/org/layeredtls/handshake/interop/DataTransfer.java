package org.layeredtls.handshake.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How test data crosses an OpenSSL process, which has no echo mode for arbitrary bytes
 * ({@code -rev} reverses text lines, {@code -www} serves a page).
 *
 * <p><b>Toward OpenSSL</b> (we write, OpenSSL prints): OpenSSL writes what it receives, byte for byte, to its
 * standard output, between its own diagnostic lines. We send the raw random bytes framed by two marker lines
 * carrying a random tag, {@code "\n<<<BEGIN tag>>>\n" data "\n<<<END tag>>>\n"}, and cut the bytes between the
 * markers out of the process's standard output. The data are arbitrary binary: a 16-byte random tag cannot
 * plausibly occur in them.
 *
 * <p><b>From OpenSSL</b> (OpenSSL sends what we write to its standard input): without {@code -quiet},
 * s_server and s_client treat a stdin read whose <em>first byte</em> is Q, q, P or S, or whose first two bytes
 * are one of B, r, R, K, k, c followed by a newline, as a command (quit, close, renegotiate, ...). Pipe reads
 * start anywhere, so the data go as lowercase hex lines that end with {@code ".\n"}: no command letter can
 * start a read, and no 'c' is ever followed by a newline. The lines are {@code "begin.\n"}, hex lines of 32
 * bytes, {@code "end.\n"}; the reader decodes them back. A command takes its whole read (the rest of what that
 * read() returned is dropped), so data go to stdin after a command only once the peer has taken it: see
 * {@link OpenSslClient#renegotiate()} and {@link OpenSslServer#renegotiate()}.
 */
final class DataTransfer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] BEGIN_LINE = "begin.\n".getBytes(StandardCharsets.US_ASCII);
    private static final String END_LINE = "end.";

    /** One MiB: the amount each interop cell sends each way. */
    static final int ONE_MIB = 1 << 20;

    private DataTransfer() {
    }

    /** {@code length} random bytes. */
    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Data framed for an OpenSSL process's standard output; {@code wire} is what goes on the TLS connection. */
    record Frame(String tag, byte[] data, byte[] wire) {
    }

    /** Frames {@code data} between two marker lines with a fresh random tag. */
    static Frame frame(byte[] data) {
        String tag = HEX.formatHex(randomBytes(16));
        ByteArrayOutputStream wire = new ByteArrayOutputStream(data.length + 100);
        wire.writeBytes(("\n<<<BEGIN " + tag + ">>>\n").getBytes(StandardCharsets.US_ASCII));
        wire.writeBytes(data);
        wire.writeBytes(("\n<<<END " + tag + ">>>\n").getBytes(StandardCharsets.US_ASCII));
        return new Frame(tag, data, wire.toByteArray());
    }

    /**
     * Waits until {@code peer} has printed the whole frame on its standard output (searching from the char
     * offset {@code from}) and returns the bytes between the markers, or empty if the frame did not arrive.
     */
    static Optional<byte[]> awaitFrame(PeerProcess peer, Frame frame, int from, Duration timeout)
            throws InterruptedException {
        Optional<PeerProcess.Match> begin = peer.awaitStdout(
                Pattern.compile(Pattern.quote("\n<<<BEGIN " + frame.tag() + ">>>\n")), from, timeout);
        if (begin.isEmpty()) {
            return Optional.empty();
        }
        Optional<PeerProcess.Match> end = peer.awaitStdout(
                Pattern.compile(Pattern.quote("\n<<<END " + frame.tag() + ">>>\n")), begin.get().end(), timeout);
        return end.map(match -> peer.stdoutRange(begin.get().end(), match.start()));
    }

    /** {@code data} as the hex lines an OpenSSL process may read from its standard input. */
    static byte[] encodeLines(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 2 + data.length / 16 + 32);
        out.writeBytes(BEGIN_LINE);
        for (int offset = 0; offset < data.length; offset += 32) {
            int length = Math.min(32, data.length - offset);
            out.writeBytes(HEX.formatHex(data, offset, offset + length).getBytes(StandardCharsets.US_ASCII));
            out.write('.');
            out.write('\n');
        }
        out.writeBytes((END_LINE + "\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Writes {@code data} as hex lines: for a peer's standard input. */
    static void writeLines(OutputStream out, byte[] data) throws IOException {
        out.write(encodeLines(data));
        out.flush();
    }

    /**
     * Reads hex lines from {@code in} up to the {@code end.} line and returns the decoded data. Anything before
     * the {@code begin.} line is skipped. End of stream first is an error.
     */
    static byte[] readLines(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        StringBuilder line = new StringBuilder(80);
        boolean begun = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream before the end. line (" + data.size() + " bytes decoded)");
            }
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String text = line.toString().strip();
            line.setLength(0);
            if (!begun) {
                begun = text.equals("begin.");
            } else if (text.equals(END_LINE)) {
                return data.toByteArray();
            } else if (text.endsWith(".")) {
                data.writeBytes(HEX.parseHex(text, 0, text.length() - 1));
            } else {
                throw new IOException("not a data line: " + text);
            }
        }
    }

    /** Decodes hex lines printed by a peer (e.g. s_client's stdout); empty if the end line is not there yet. */
    static Optional<byte[]> decodeLines(String text) {
        int begin = text.indexOf("begin.\n");
        if (begin < 0 || text.indexOf("\nend.\n", begin) < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(readLines(new java.io.ByteArrayInputStream(
                    text.substring(begin).getBytes(StandardCharsets.ISO_8859_1))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
