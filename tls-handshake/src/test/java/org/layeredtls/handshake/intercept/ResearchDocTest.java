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
 * examples compiled and run by {@link ResearchExamplesTest}.
 */
class ResearchDocTest {

    private static final Path PAGE = Path.of("RESEARCH.md");
    private static final Path EXAMPLES = Path.of("src/test/java/org/layeredtls/handshake/intercept/ResearchExamples.java");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)\\n```");

    @Test
    void everyJavaBlockOfResearchMdIsCodeOfResearchExamples() throws IOException {
        String page = Files.readString(PAGE);
        String source = Files.readString(EXAMPLES);
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
                assertTrue(source.contains(indented), "RESEARCH.md quotes code that ResearchExamples no longer has:\n" + member);
            }
        }
    }
}
