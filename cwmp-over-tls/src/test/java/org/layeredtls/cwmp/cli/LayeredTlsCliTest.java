package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command line: every subcommand is there and says what it takes. */
class LayeredTlsCliTest {

    @Test
    void helpListsEverySubcommand() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8)).execute("--help");
        String help = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status);
        for (String command : new String[] {"demo", "acs", "cpe", "record-demo"}) {
            assertTrue(help.contains(command), help);
        }
    }

    @Test
    void theDemoOptionsAreTheDocumentedOnes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8)).execute("demo", "--help");
        String help = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status);
        for (String option : new String[] {"--tls-version", "--cipher", "--keylog", "--quiet", "--verbose"}) {
            assertTrue(help.contains(option), help);
        }
    }

    @Test
    void anUnknownCipherIsAUsageErrorNotACrash() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var line = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        line.setErr(new java.io.PrintWriter(bytes, true));
        int status = line.execute("demo", "--cipher", "NOT-A-SUITE");
        assertTrue(status != 0);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("unknown cipher suite"), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everySubcommandAnswersHelpAndShortHelpWithItsUsageAndExitStatusZero() {
        var subcommands = LayeredTls.commandLine(System.out).getSubcommands();
        var names = subcommands.keySet(); // with the aliases s_client and s_server
        assertTrue(names.containsAll(java.util.List.of("demo", "acs", "cpe", "record-demo", "client", "server", "certs")), names::toString);
        for (String command : names) {
            for (String help : new String[] {"--help", "-h"}) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                var line = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
                line.setErr(new java.io.PrintWriter(bytes, true));
                int status = line.execute(command, help);
                String text = bytes.toString(StandardCharsets.UTF_8);
                assertEquals(0, status, command + " " + help + ": " + text);
                assertTrue(text.startsWith("Usage: layeredtls " + subcommands.get(command).getCommandName() + " "), command + " " + help + ": " + text);
            }
        }
    }

    @Test
    void recordDemoRunsInsideTheLauncherAndReturnsItsExitStatus() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var line = LayeredTls.commandLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        line.setErr(new java.io.PrintWriter(bytes, true));
        // a usage error comes back as picocli's status 2, not as a System.exit of the whole process
        assertEquals(2, line.execute("record-demo", "--fragment", "10"));
        // the lower bound is the record layer's (RecordLimits: 63 since TLS 1.3's record_size_limit), not this test's
        assertTrue(bytes.toString(StandardCharsets.UTF_8).matches("(?s).*--fragment must lie in \\d+\\.\\.16384.*"), bytes.toString(StandardCharsets.UTF_8));
    }
}
