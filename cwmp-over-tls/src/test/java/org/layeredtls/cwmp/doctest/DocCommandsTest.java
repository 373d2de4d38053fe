package org.layeredtls.cwmp.doctest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The doc-test: every shell command shown in every markdown page of the repository runs as shown.
 * One dynamic test per fenced block, named by page and line; the convention is in
 * {@link DocConvention} and the root README ("Commands in the docs are tested"), the rule per tool
 * in {@link BlockRun}. It prints which commands it ran and how each was checked.
 */
class DocCommandsTest {

    private static final Repository REPO = Repository.find();

    @TestFactory
    Stream<DynamicTest> everyShellCommandInEveryMarkdownPageRunsAsShown() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : REPO.markdownPages()) {
            for (FencedBlock block : FencedBlock.of(page)) {
                String name = block.where(REPO.root) + " ```" + block.language();
                if (block.language().isEmpty()) {
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        throw new AssertionError(block.where(REPO.root) + ": a fenced block without a language: say ```sh or "
                                + "```console for commands (the doc-test runs them), ```text for output (never run)");
                    }));
                } else if (DocConvention.isShell(block)) {
                    tests.add(DynamicTest.dynamicTest(name, () -> runBlock(block)));
                } else {
                    System.out.println("doc-test: " + name + ": not shell, not run (the opt-out for output and code)");
                }
            }
        }
        return tests.stream();
    }

    private static void runBlock(FencedBlock block) throws Exception {
        List<DocConvention.ShownCommand> commands = DocConvention.commands(block);
        assertFalse(commands.isEmpty(), block.where(REPO.root) + ": a shell block with no command (```text is for output)");
        BlockRun run = new BlockRun(REPO);
        try (run) {
            run.run(commands);
        } finally {
            System.out.println("doc-test: " + block.where(REPO.root) + " ```" + block.language() + "\n" + String.join("\n", run.report));
        }
    }

    @Test
    void findsThePagesOfEveryModuleAndTheRootReadme() {
        List<String> pages = REPO.markdownPages().stream().map(p -> REPO.root.relativize(p).toString()).toList();
        assertTrue(pages.contains("README.md"), pages::toString);
        for (String module : REPO.modules) {
            assertTrue(pages.contains(module + "/README.md"), () -> module + " has no README.md: " + pages);
        }
        assertTrue(pages.stream().noneMatch(p -> p.contains("/target/")), pages::toString);
    }
}
