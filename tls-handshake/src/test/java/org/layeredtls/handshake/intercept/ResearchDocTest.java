package org.layeredtls.handshake.intercept;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * RESEARCH.md quotes {@link ResearchExamples}: every {@code java} block of the page must still be in
 * that file word for word (indented as a member of the class), so the examples shown are the
 * examples compiled and run by {@link ResearchExamplesTest}; the blocks of "Use it from your own Maven
 * project" quote the outside project's tests in module research-example instead.
 */
class ResearchDocTest {

    private static final Path PAGE = Path.of("RESEARCH.md");
    private static final Path EXAMPLES = Path.of("src/test/java/org/layeredtls/handshake/intercept/ResearchExamples.java");
    private static final Path OUTSIDE_EXAMPLES = Path.of("../research-example/src/test/java/org/example/experiments");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)\\n```");

    @Test
    void everyJavaBlockOfResearchMdIsCodeOfResearchExamples() throws IOException {
        String page = Files.readString(PAGE);
        StringBuilder sources = new StringBuilder(Files.readString(EXAMPLES));
        try (var outside = Files.list(OUTSIDE_EXAMPLES)) {
            for (Path file : outside.sorted().toList()) {
                sources.append(Files.readString(file));
            }
        }
        String source = sources.toString();
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(page);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertTrue(blocks.size() >= 6, "RESEARCH.md shows the examples: " + blocks.size() + " java blocks");
        for (String block : blocks) {
            for (String member : block.split("\\n\\n(?=/\\*\\*)")) { // a block may quote several members
                String indented = member.lines().map(line -> line.isEmpty() ? line : "    " + line)
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                assertTrue(source.contains(indented), "RESEARCH.md quotes code that ResearchExamples (or research-example) no longer has:\n" + member);
            }
        }
    }
}
