package org.layeredtls.handshake.trace;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Walks a byte array field by field and reports each field (offset, length, meaning) to a sink:
 * {@code -explain} prints it as {@code 0006  03 03   client_version = TLS 1.2: ...}, the
 * illustrated page keeps it as a {@link ByteField}. A walk may open a nested walk over the next
 * bytes (an extension's body). Reading past the end raises {@link Truncated}.
 */
final class ByteWalk {

    /** The bytes ended inside a field: the message is shorter than its own lengths say. */
    static final class Truncated extends RuntimeException {
        Truncated(String field) {
            super("the bytes end inside " + field);
        }
    }

    /** Where the fields go. */
    interface Sink {
        void field(byte[] bytes, ByteField field);
    }

    private static final int SHOWN = 12;

    private final byte[] bytes;
    private final int end;
    private final int depth;
    private final Sink sink;
    private int position;

    /** A walk that prints its fields as lines, each under {@code indent}. */
    ByteWalk(byte[] bytes, TraceLines out, String indent) {
        this(bytes, 0, bytes.length, 0, printingTo(out, indent));
    }

    /** A walk that hands its fields to {@code sink}. */
    ByteWalk(byte[] bytes, Sink sink) {
        this(bytes, 0, bytes.length, 0, sink);
    }

    private ByteWalk(byte[] bytes, int start, int end, int depth, Sink sink) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
        this.depth = depth;
        this.sink = sink;
    }

    /** The sink of {@code -explain}: one line per field, offset, the first bytes in hex, the meaning. */
    static Sink printingTo(TraceLines out, String indent) {
        return (bytes, f) -> {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(f.length(), SHOWN); i++) {
                hex.append(String.format("%02x ", bytes[f.offset() + i] & 0xFF));
            }
            if (f.length() > SHOWN) {
                hex.append("… (" + f.length() + " bytes)");
            } else if (f.length() == 0) {
                hex.append("(empty)");
            }
            out.line(String.format("%s%04x  %-50s %s", indent + "  ".repeat(f.depth()), f.offset(),
                    hex.toString().strip(), f.meaning()));
        };
    }

    int remaining() {
        return end - position;
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
        if (n < 0 || remaining() < n) {
            throw new Truncated("a " + n + "-byte field");
        }
        return Arrays.copyOfRange(bytes, position, position + n);
    }

    /** One field of n bytes. */
    void field(int n, String meaning) {
        peek(n);
        sink.field(bytes, new ByteField(position, n, meaning, depth));
        position += n;
    }

    /** A vector: its length prefix of {@code lengthBytes}, then its content as one field; returns the content length. */
    int vector(int lengthBytes, String name, String meaning) {
        int length = number(lengthBytes, name + " length = " + peekNumber(lengthBytes));
        field(length, name + ": " + meaning);
        return length;
    }

    /**
     * The next {@code n} bytes walked one level deeper by {@code inner}; whatever {@code inner}
     * leaves, or cannot read because the bytes end early, is reported as one field.
     */
    void nested(int n, String leftOver, Consumer<ByteWalk> inner) {
        peek(n);
        ByteWalk walk = new ByteWalk(bytes, position, position + n, depth + 1, sink);
        try {
            inner.accept(walk);
            walk.rest(leftOver);
        } catch (Truncated e) {
            walk.rest(e.getMessage());
        }
        position += n;
    }

    /** Whatever is left, as one field. */
    void rest(String meaning) {
        if (remaining() > 0) {
            field(remaining(), meaning);
        }
    }
}
