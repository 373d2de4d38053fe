package org.layeredtls.handshake.trace;

import java.util.ArrayList;
import java.util.List;

/** Lines a printer builds for one event, printed together so that two threads' events never interleave. */
final class TraceLines {

    private final List<String> lines = new ArrayList<>();

    void line(String text) {
        lines.add(text);
    }

    List<String> lines() {
        return lines;
    }
}
