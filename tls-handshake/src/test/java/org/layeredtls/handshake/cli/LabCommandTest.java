package org.layeredtls.handshake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.testing.CapturedOutput;
import org.layeredtls.record.lab.Lab;
import org.layeredtls.record.lab.LabResult;

import picocli.CommandLine;

class LabCommandTest {

    private final CapturedOutput out = new CapturedOutput();
    private final CapturedOutput err = new CapturedOutput();

    private int run(LabCommand command, String... args) {
        CommandLine line = new CommandLine(command.io(out.stream, err.stream));
        line.setOut(new PrintWriter(out.stream, true));
        line.setErr(new PrintWriter(err.stream, true));
        return line.execute(args);
    }

    @Test
    void withoutANameItListsEveryHandshakeAndAlertLabWithItsLayer() {
        assertEquals(0, run(new LabCommand()));
        String text = out.text();
        for (String name : List.of("bleichenbacher", "renegotiation", "downgrade", "triple-handshake")) {
            assertTrue(text.matches("(?s).*" + name + " +handshake +.*"), text);
        }
        assertTrue(text.matches("(?s).*truncation +alert +a man in the middle cuts.*"), text);
    }

    @Test
    @Timeout(120)
    void aNamedLabRunsItsNarrationAndExitsZeroWhenItShowedTheAttackAndTheCountermeasure() {
        assertEquals(0, run(new LabCommand(), "truncation"), out.text() + err.text());
        String text = out.text();
        assertTrue(text.startsWith("== lab truncation (alert layer): "), text);
        assertTrue(text.contains("attack succeeded against the vulnerable setting: yes"), text);
        assertTrue(text.contains("finding: the cut stream ended after 17 of 31 bytes without close_notify"), text);
    }

    @Test
    void aLabThatDidNotShowWhatItTeachesExitsOne() {
        Lab stopped = new FixedLab(new LabResult(false, true, "the attack did not work"));
        assertEquals(LabCommand.NOT_DEMONSTRATED, run(new LabCommand(() -> List.of(stopped)), "fixed"));
        assertTrue(out.text().contains("attack succeeded against the vulnerable setting: no"), out.text());
    }

    @Test
    void anUnknownNameExitsTwoWithAMessageAndTheList() {
        assertEquals(LabCommand.UNKNOWN_LAB, run(new LabCommand(), "heartbleed"));
        assertTrue(err.text().startsWith("lab: no lab named 'heartbleed'. The labs:"), err.text());
        assertTrue(err.text().contains("downgrade"), err.text());
        assertEquals("", out.text());
    }

    @Test
    void helpNamesTheArgumentAndTheExitCodes() {
        assertEquals(0, run(new LabCommand(), "--help"));
        String text = out.text();
        assertTrue(text.contains("Usage: lab [-hV] [NAME]"), text);
        assertTrue(text.contains("2   no lab of that name"), text);
    }

    /** A lab that returns a fixed result. */
    private record FixedLab(LabResult result) implements Lab {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String layer() {
            return "handshake";
        }

        @Override
        public String summary() {
            return "returns a fixed result";
        }

        @Override
        public LabResult run(PrintStream narration) {
            return result;
        }
    }
}
