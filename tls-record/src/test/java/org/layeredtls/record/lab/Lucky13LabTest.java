package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The compression counts are asserted; the wall-clock part is printed only (never asserted). */
class Lucky13LabTest {

    @Test
    void naiveOpenCostVariesWithPaddingAndLeaksTheCookieOursCostsTheSame() {
        Lucky13Lab lab = new Lucky13Lab();
        LabRun run = LabRun.of(lab);
        assertTrue(run.result().demonstrated(), run.result().finding());
        assertEquals(Lucky13Lab.COOKIE, lab.recovered(Lucky13Lab.Receiver.NAIVE));
        assertEquals("", lab.recovered(Lucky13Lab.Receiver.OURS));
        assertEquals(5, lab.sweepCounts(Lucky13Lab.Receiver.NAIVE).size(),
                "naive costs " + lab.sweepCounts(Lucky13Lab.Receiver.NAIVE));
        assertEquals(1, lab.sweepCounts(Lucky13Lab.Receiver.OURS).size(),
                "our costs " + lab.sweepCounts(Lucky13Lab.Receiver.OURS));
        assertTrue(run.printed().contains("Welch t ="), run.printed());
    }
}
