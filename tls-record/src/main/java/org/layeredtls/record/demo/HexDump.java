package org.layeredtls.record.demo;

/** Hex and ASCII, sixteen bytes a line, the way {@code openssl s_client -msg} and {@code xxd} show bytes. */
final class HexDump {

    private HexDump() {
    }

    static String hex(byte[] bytes, int offset, int length) {
        StringBuilder s = new StringBuilder(length * 3);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(String.format("%02x", bytes[offset + i] & 0xFF));
        }
        return s.toString();
    }

    static String hex(byte[] bytes) {
        return hex(bytes, 0, bytes.length);
    }

    /** Lines of {@code indent + offset: hex  ascii}, at most {@code maxLines} (then "..."). */
    static String dump(byte[] bytes, int offset, int length, String indent, int maxLines) {
        StringBuilder s = new StringBuilder();
        int lines = 0;
        for (int line = 0; line < length; line += 16) {
            if (lines++ == maxLines) {
                s.append(indent).append(String.format("... (%d more bytes)%n", length - line));
                break;
            }
            int n = Math.min(16, length - line);
            s.append(indent).append(String.format("%04x: %-47s  ", line, hex(bytes, offset + line, n)));
            for (int i = 0; i < n; i++) {
                int c = bytes[offset + line + i] & 0xFF;
                s.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            s.append(System.lineSeparator());
        }
        if (length == 0) {
            s.append(indent).append("(empty)").append(System.lineSeparator());
        }
        return s.toString();
    }
}
