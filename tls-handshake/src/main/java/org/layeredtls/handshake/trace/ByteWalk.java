package org.layeredtls.handshake.trace;

/**
 * Walks a byte array field by field, printing each field's offset, bytes and meaning:
 * {@code 0006  03 03                      client_version = TLS 1.2: ...}. Long fields show their
 * first bytes and their length. Reading past the end raises {@link Truncated}.
 */
final class ByteWalk {

    /** The bytes ended inside a field: the message is shorter than its own lengths say. */
    static final class Truncated extends RuntimeException {
        Truncated(String field) {
            super("the bytes end inside " + field);
        }
    }

    private static final int SHOWN = 12;

    private final byte[] bytes;
    private final TraceLines out;
    private final String indent;
    private int position;

    ByteWalk(byte[] bytes, TraceLines out, String indent) {
        this.bytes = bytes;
        this.out = out;
        this.indent = indent;
    }

    int remaining() {
        return bytes.length - position;
    }

    /** Reads an n-byte big-endian number (n ≤ 4) as one field. */
    int number(int n, String meaning) {
        int value = peekNumber(n);
        field(n, meaning);
        return value;
    }

    int peekNumber(int n) {
        if (remaining() < n) {
            throw new Truncated("a " + n + "-byte number");
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            value = (value << 8) | (bytes[position + i] & 0xFF);
        }
        return value;
    }

    byte[] peek(int n) {
        if (remaining() < n) {
            throw new Truncated("a " + n + "-byte field");
        }
        return java.util.Arrays.copyOfRange(bytes, position, position + n);
    }

    /** One field of n bytes. */
    void field(int n, String meaning) {
        byte[] value = peek(n);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(n, SHOWN); i++) {
            hex.append(String.format("%02x ", value[i] & 0xFF));
        }
        if (n > SHOWN) {
            hex.append("… (" + n + " bytes)");
        } else if (n == 0) {
            hex.append("(empty)");
        }
        out.line(String.format("%s%04x  %-50s %s", indent, position, hex.toString().strip(), meaning));
        position += n;
    }

    /** A vector: its length prefix of {@code lengthBytes}, then its content as one field; returns the content length. */
    int vector(int lengthBytes, String name, String meaning) {
        int length = number(lengthBytes, name + " length = " + peekNumber(lengthBytes));
        field(length, name + ": " + meaning);
        return length;
    }

    /** Whatever is left, as one field. */
    void rest(String meaning) {
        if (remaining() > 0) {
            field(remaining(), meaning);
        }
    }
}
