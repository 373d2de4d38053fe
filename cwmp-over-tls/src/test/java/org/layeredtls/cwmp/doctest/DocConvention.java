package org.layeredtls.cwmp.doctest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which lines of a fenced block are shell commands (the convention the root README states):
 * <ul>
 *   <li>{@code ```sh}, {@code ```bash}, {@code ```shell}: every line is a command; a line ending in
 *       {@code \} goes on on the next; a line that starts with {@code #} is a comment;</li>
 *   <li>{@code ```console}: the lines that start with {@code $ } are commands (with their {@code \}
 *       continuations); the other lines are the output they print;</li>
 *   <li>any other language ({@code text}, {@code java}, {@code xml}, ...): not a command, never run
 *       (the explicit opt-out for output, diagrams and code);</li>
 *   <li>a bare fence (no language): an error, so that no block escapes the test by accident.</li>
 * </ul>
 */
final class DocConvention {

    static final Set<String> SCRIPT = Set.of("sh", "bash", "shell");
    static final String CONSOLE = "console";
    static final String PROMPT = "$ ";

    private DocConvention() {
    }

    /** One command as the page shows it, continuation lines joined. */
    record ShownCommand(FencedBlock block, int line, String text) {
    }

    static boolean isShell(FencedBlock block) {
        return SCRIPT.contains(block.language()) || CONSOLE.equals(block.language());
    }

    /** The commands of a shell or console block, in order. */
    static List<ShownCommand> commands(FencedBlock block) {
        boolean console = CONSOLE.equals(block.language());
        List<ShownCommand> commands = new ArrayList<>();
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (console) {
                if (!line.startsWith(PROMPT)) {
                    continue; // output
                }
                line = line.substring(PROMPT.length()).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int first = i;
            StringBuilder text = new StringBuilder();
            while (line.endsWith("\\") && i + 1 < lines.size()) {
                text.append(line.substring(0, line.length() - 1).stripTrailing()).append(' ');
                line = lines.get(++i).strip();
            }
            text.append(line);
            commands.add(new ShownCommand(block, block.line() + 1 + first, text.toString()));
        }
        return commands;
    }
}
