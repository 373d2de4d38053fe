package org.layeredtls.handshake.conversation;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The records of one conversation, both directions, in order, one line each: what a failure prints so
 * that the reader sees what went over the wire, not only the step that failed.
 *
 * <pre>
 *   -&gt; handshake   {3,1} 212 bytes
 *   &lt;- handshake   {3,3} 93 bytes
 *   &lt;- alert       {3,3} 2 bytes   protected, 26 on the wire
 * </pre>
 */
public final class RecordTrace {

    private final List<String> lines = new ArrayList<>();

    void sent(int type, int version, int plaintextLength, int wireLength, boolean protectedRecord) {
        add("->", type, version, plaintextLength, wireLength, protectedRecord);
    }

    void received(int type, int version, int wireLength, int plaintextLength, boolean protectedRecord) {
        add("<-", type, version, plaintextLength, wireLength, protectedRecord);
    }

    void sentRaw(byte[] bytes) {
        String head = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 16));
        lines.add(String.format("-> raw         %d bytes: %s%s", bytes.length, head, bytes.length > 16 ? "..." : ""));
    }

    /** A note in the trace: a step, a key derived, an expectation met. */
    void note(String text) {
        lines.add("   " + text);
    }

    private void add(String direction, int type, int version, int plaintextLength, int wireLength,
                     boolean protectedRecord) {
        String length = plaintextLength < 0 ? "(did not open)" : plaintextLength + " bytes";
        lines.add(String.format("%s %-11s {%d,%d} %s%s", direction, typeName(type), version >> 8, version & 0xFF,
                length, protectedRecord ? "   protected, " + wireLength + " on the wire" : ""));
    }

    static String typeName(int type) {
        return switch (type) {
            case 20 -> "ccs";
            case 21 -> "alert";
            case 22 -> "handshake";
            case 23 -> "app_data";
            default -> "type " + type;
        };
    }

    /** The lines so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
