package org.layeredtls.cwmp.doctest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The doc-test's rules fail what does not run as shown: each check here would pass a broken command if its rule were gone. */
class DocCheckRulesTest {

    private static final Repository REPO = Repository.find();

    private static FencedBlock block(String language, String... lines) {
        return new FencedBlock(REPO.root.resolve("EXAMPLE.md"), 1, language, List.of(lines));
    }

    /** Runs the block as the doc-test does; returns its report. */
    private static List<String> run(String language, String... lines) throws Exception {
        BlockRun run = new BlockRun(REPO);
        try (run) {
            run.run(DocConvention.commands(block(language, lines)));
        }
        return run.report;
    }

    private static String failure(String language, String... lines) {
        return assertThrows(AssertionError.class, () -> run(language, lines)).getMessage();
    }

    @Test
    void consoleBlocksRunTheDollarLinesAndShellBlocksEveryLineWithContinuations() {
        var console = DocConvention.commands(block("console", "$ ./layeredtls certs \\", "    -out pki", "wrote pki/ca.pem", "# not a command"));
        assertEquals(List.of("./layeredtls certs -out pki"), console.stream().map(DocConvention.ShownCommand::text).toList());
        assertEquals(2, console.get(0).line());
        var sh = DocConvention.commands(block("sh", "# a comment", "mvn -B verify", "", "./layeredtls demo  # and a comment"));
        assertEquals(List.of("mvn -B verify", "./layeredtls demo  # and a comment"), sh.stream().map(DocConvention.ShownCommand::text).toList());
        assertTrue(DocConvention.isShell(block("bash")) && !DocConvention.isShell(block("text")) && !DocConvention.isShell(block("")));
    }

    @Test
    void aBareFenceHasNoLanguageSoTheTestFailsIt() throws Exception {
        java.nio.file.Path page = java.nio.file.Files.createTempFile("page", ".md");
        try {
            java.nio.file.Files.writeString(page, "text\n```\n./layeredtls demo\n```\n\n```text\noutput\n```\n");
            List<FencedBlock> blocks = FencedBlock.of(page);
            assertEquals(List.of("", "text"), blocks.stream().map(FencedBlock::language).toList());
            assertEquals(2, blocks.get(0).line());
        } finally {
            java.nio.file.Files.delete(page);
        }
    }

    @Test
    void launcherCommandsRunForRealSoAnUnknownOptionOrSubcommandFails() throws Exception {
        assertTrue(failure("sh", "./layeredtls record-demo --no-such-option").contains("exit status 2"));
        assertTrue(failure("sh", "./layeredtls no-such-command").contains("exit status 2"));
        assertTrue(run("sh", "./layeredtls record-demo --help").get(0).contains("ran, exit status 0"));
    }

    @Test
    void aMissingFileFailsTheCommandThatNamesIt() {
        String message = failure("sh", "./layeredtls server -accept 127.0.0.1:0 -cert missing.pem -key missing.key -naccept 1");
        assertTrue(message.contains("missing.pem"), message);
    }

    @Test
    void onlyTheLauncherARealReaderHasIsAccepted() {
        assertTrue(failure("sh", "layeredtls-tools certs -out pki").contains("the launcher is ./layeredtls"));
        assertTrue(failure("sh", "layeredtls certs -out pki").contains("the launcher is ./layeredtls"));
    }

    @Test
    void aServerInTheForegroundBeforeOtherCommandsFailsAndAnUnknownToolHasNoRule() {
        assertTrue(failure("sh", "openssl s_server -accept 127.0.0.1:4433 -www", "openssl version").contains("end it with &"));
        assertTrue(failure("sh", "curl https://localhost/").contains("no rule for `curl`"));
    }

    @Test
    void shellSyntaxTheTestDoesNotUnderstandFailsInsteadOfBeingSkipped() {
        for (String line : new String[] {"./layeredtls demo; ls", "./layeredtls demo && ls", "./layeredtls demo > out.txt",
                "./layeredtls certs -out $HOME/pki", "cat x | grep y | wc -l"}) {
            assertTrue(failure("sh", line).contains("does not run as shown"), line);
        }
    }

    @Test
    void mavenCommandsAreParsedAgainstTheModulesProfilesAndTests() {
        assertTrue(MavenCommandCheck.check(REPO, List.of("-B", "-pl", "tls-record", "-am", "test", "-Dtest=RecordReaderFuzzTest",
                "-Dsurefire.failIfNoSpecifiedTests=false")).startsWith("parsed, not run"));
        for (List<String> wrong : List.of(List.of("-pl", "no-such-module", "verify"), List.of("-Pno-such-profile", "verify"),
                List.of("-pl", "tls-record", "test", "-Dtest=NoSuchTest"),
                List.of("-pl", "tls-record", "test", "-Dtest=RecordLayerTest#noSuchMethod"), List.of("--no-such-option", "verify"), List.of("-B"),
                List.of("-pl", "tls-record", "-am", "test", "-Dtest=RecordReaderFuzzTest"), List.of("deploy-everything"))) {
            assertThrows(AssertionError.class, () -> MavenCommandCheck.check(REPO, wrong), wrong::toString);
        }
    }

    @Test
    void opensslCommandsAreCheckedAgainstTheHelpOfTheOpensslHere() throws Exception {
        assertTrue(run("sh", "openssl version").get(0).contains("ran, exit status 0"));
        assertTrue(failure("sh", "openssl s_client -connect 127.0.0.1:1 -no-such-option").contains("unknown option -no-such-option"));
        assertTrue(failure("sh", "openssl no_such_command").contains("no subcommand"));
        assertTrue(run("sh", "openssl s_client -connect 127.0.0.1:1 -tls1_2").get(0).contains("not run: openssl s_client needs a peer"));
    }

    @Test
    void buildOutputsAndScriptsMustExist() {
        assertTrue(failure("sh", "java -jar benchmarks/target/no-such.jar").contains("makes no no-such.jar"));
        assertTrue(failure("sh", "java -jar benchmarks/target/benchmarks.jar NoSuchBenchmark").contains("no class of benchmarks matches"));
        assertTrue(failure("sh", "bash test-vectors/scripts/no-such.sh").contains("no such file"));
        assertTrue(failure("sh", "bash test-vectors/scripts/generate-record-vectors.sh --no-such-option").contains("does not read this option"));
    }

    @Test
    void theServersPortsAreReplacedByEphemeralOnesEverywhereInTheBlock() throws Exception {
        var ports = BlockRun.ephemeralPorts(DocConvention.commands(block("sh",
                "openssl s_server -accept 127.0.0.1:44999 -www &", "./layeredtls acs --port 8443 &", "./layeredtls server -accept [::1]:4433 &")));
        assertEquals(List.of("44999", "8443", "4433"), List.copyOf(ports.keySet()));
        assertTrue(ports.values().stream().allMatch(p -> Integer.parseInt(p) > 0));
    }
}
