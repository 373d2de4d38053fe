package org.layeredtls.cwmp.doctest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The labs of the module READMEs ("Lab: ..." sections): every {@code ```java lab} block compiles
 * against the project, runs, and prints exactly its {@code ```text lab-output} block (see {@link LabCode}).
 */
class LabBlocksTest {

    private static final Repository REPO = Repository.find();

    @TestFactory
    Stream<DynamicTest> everyLabInEveryPageCompilesRunsAndPrintsItsExpectedOutput() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : REPO.markdownPages()) {
            for (LabCode lab : LabCode.of(page)) {
                tests.add(DynamicTest.dynamicTest(lab.code().where(REPO.root) + " " + lab.className(), () -> {
                    Path work = Files.createTempDirectory("lab");
                    try {
                        assertEquals(lab.expected(), lab.compileAndRun(work),
                                lab.code().where(REPO.root) + ": the lab's output differs from its ```text lab-output block");
                    } finally {
                        LabCode.deleteQuietly(work);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyLayerReadmeHasALab() {
        for (String module : List.of("tls-record", "tls-alert", "changecipherspec", "tls-handshake", "cwmp-over-tls")) {
            assertTrue(!LabCode.of(REPO.root.resolve(module).resolve("README.md")).isEmpty(), module + "/README.md has no lab");
        }
    }

    @Test
    void aLabThatPrintsSomethingElseOrDoesNotCompileFails() throws Exception {
        Path page = Files.createTempFile("lab", ".md");
        Path work = Files.createTempDirectory("lab");
        try {
            Files.writeString(page, String.join("\n", "```java lab", "public class Hello {",
                    "    public static void main(String[] args) { System.out.println(\"hello\"); }", "}", "```",
                    "```text lab-output", "hello", "```", "```java lab", "public class Broken { int x = ; }", "```",
                    "```text lab-output", "", "```", ""));
            List<LabCode> labs = LabCode.of(page);
            assertEquals(2, labs.size());
            assertEquals("hello\n", labs.get(0).compileAndRun(work));
            assertEquals(labs.get(0).expected(), labs.get(0).compileAndRun(work));
            assertTrue(assertThrows(AssertionError.class, () -> labs.get(1).compileAndRun(work)).getMessage().contains("does not compile"));
            Files.writeString(page, String.join("\n", "```java lab", "public class Throws {",
                    "    public static void main(String[] args) { throw new IllegalStateException(\"broken lab\"); }", "}", "```",
                    "```text lab-output", "", "```", ""));
            assertTrue(assertThrows(AssertionError.class, () -> LabCode.of(page).get(0).compileAndRun(work)).getMessage()
                    .contains("the lab threw java.lang.IllegalStateException: broken lab"));
            Files.writeString(page, "```java lab\npublic class Alone {}\n```\n");
            assertThrows(AssertionError.class, () -> LabCode.of(page));
        } finally {
            Files.delete(page);
            LabCode.deleteQuietly(work);
        }
    }
}
