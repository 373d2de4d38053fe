package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class BeastLabTest {

    @Test
    void predictableIvConfirmsCookieGuessesAndSplitOrExplicitIvStopsIt() {
        BeastLab lab = new BeastLab();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LabResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> lab.run(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
        assertTrue(result.demonstrated(), result.finding());
        assertEquals(BeastLab.COOKIE, lab.recoveredWhenVulnerable());
        assertEquals("", lab.recoveredWithSplit());
        assertEquals("", lab.recoveredWithExplicitIv());
    }
}
