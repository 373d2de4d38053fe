package org.layeredtls.cwmp.doctest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One fenced code block of a markdown page: where it starts, its info string (the word after the
 * opening fence: {@code sh}, {@code console}, {@code text}, ...) and its lines.
 */
record FencedBlock(Path page, int line, String info, List<String> lines) {

    /** Where the block is, as a reader finds it: {@code tls-record/README.md:156}. */
    String where(Path root) {
        return root.relativize(page) + ":" + line;
    }

    /** The first word of the info string, lower case; empty for a bare fence. */
    String language() {
        String trimmed = info.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    }

    /** Every fenced block of a page (CommonMark: a fence is three or more backticks, indented at most 3 spaces). */
    static List<FencedBlock> of(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FencedBlock> blocks = new ArrayList<>();
        String fence = null;
        int start = 0;
        String info = "";
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.stripLeading();
            boolean indentedAtMost3 = line.length() - stripped.length() <= 3;
            if (fence == null) {
                if (indentedAtMost3 && stripped.startsWith("```")) {
                    int n = 0;
                    while (n < stripped.length() && stripped.charAt(n) == '`') {
                        n++;
                    }
                    fence = stripped.substring(0, n);
                    info = stripped.substring(n);
                    start = i + 1;
                    body = new ArrayList<>();
                }
            } else if (indentedAtMost3 && stripped.startsWith(fence) && stripped.substring(fence.length()).isBlank()) {
                blocks.add(new FencedBlock(page, start, info, List.copyOf(body)));
                fence = null;
            } else {
                body.add(line);
            }
        }
        if (fence != null) {
            throw new AssertionError(page + ":" + start + ": a fenced block that is never closed");
        }
        return blocks;
    }
}
