package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class Lucky13LabTest {

    @Test
    void naiveOpenCostVariesWithPaddingAndLeaksTheCookieOursCostsTheSame() {
        Lucky13Lab lab = new Lucky13Lab();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LabResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> lab.run(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
        assertTrue(result.demonstrated(), result.finding());
        assertEquals(Lucky13Lab.COOKIE, lab.recovered(Lucky13Lab.Receiver.NAIVE));
        assertEquals("", lab.recovered(Lucky13Lab.Receiver.OURS));
        assertTrue(lab.sweepCounts(Lucky13Lab.Receiver.NAIVE).size() > 1, "naive costs " + lab.sweepCounts(Lucky13Lab.Receiver.NAIVE));
        assertEquals(1, lab.sweepCounts(Lucky13Lab.Receiver.OURS).size(), "our costs " + lab.sweepCounts(Lucky13Lab.Receiver.OURS));
    }
}
