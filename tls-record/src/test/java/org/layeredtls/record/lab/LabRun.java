package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One lab run as {@code ./layeredtls lab NAME} runs it, bounded in time, with what it printed. */
record LabRun(LabResult result, String printed) {

    /** A lab takes a second or two; the bound only stops a runaway loop. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    static LabRun of(Lab lab) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LabResult result = assertTimeoutPreemptively(BOUND,
                () -> lab.run(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text); // the output LABS.md quotes
        return new LabRun(result, text);
    }
}
