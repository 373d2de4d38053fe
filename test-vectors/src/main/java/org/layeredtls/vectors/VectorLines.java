package org.layeredtls.vectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line grammar every vector file shares: {@code key = value} lines, bare marker lines, blank
 * lines and {@code #} comments skipped, and errors that name the file and the line.
 */
final class VectorLines {

    private static final Pattern KEY_VALUE = Pattern.compile("([a-z0-9_]+) =(?: (\\S(?:.*\\S)?))?");

    private final BufferedReader reader;
    private final String source;
    private int lineNumber;

    VectorLines(BufferedReader reader, String source) {
        this.reader = reader;
        this.source = source;
    }

    /** The next line that is neither blank nor a comment, or null at the end. */
    String nextLine() throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (!line.isEmpty() && !line.startsWith("#")) {
                return line;
            }
        }
        return null;
    }

    /** The value of the next line, which must be {@code key = value} (an empty value is allowed). */
    String value(String key) throws IOException {
        return valueOf(nextLine(), key);
    }

    /** The value of {@code line}, which must be {@code key = value}. */
    String valueOf(String line, String key) {
        Matcher m = line == null ? null : KEY_VALUE.matcher(line);
        if (m == null || !m.matches() || !m.group(1).equals(key)) {
            throw error("expected '" + key + " = ...' but found " + describe(line));
        }
        return m.group(2) == null ? "" : m.group(2);
    }

    /** The key of a {@code key = value} line, or null if the line is not one. */
    static String keyOf(String line) {
        Matcher m = line == null ? null : KEY_VALUE.matcher(line);
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** The next line must be exactly {@code bareLine}. */
    void expect(String bareLine) throws IOException {
        String line = nextLine();
        if (!bareLine.equals(line)) {
            throw error("expected '" + bareLine + "' but found " + describe(line));
        }
    }

    /** Strict lower-case hex, or an error at the current line. */
    byte[] hex(String text) {
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    static String describe(String line) {
        return line == null ? "the end of the file" : "'" + (line.length() > 40 ? line.substring(0, 40) + "..." : line) + "'";
    }

    VectorFormatException error(String reason) {
        return new VectorFormatException(source, lineNumber, reason);
    }
}
