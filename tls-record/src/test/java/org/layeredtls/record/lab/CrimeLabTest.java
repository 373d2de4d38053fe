package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrimeLabTest {

    @Test
    void deflateLengthsGiveTheCookieAwayAndNullCompressionGivesNothing() {
        CrimeLab lab = new CrimeLab();
        LabRun run = LabRun.of(lab);
        assertTrue(run.result().demonstrated(), run.result().finding());
        assertEquals(CrimeLab.COOKIE, lab.recoveredWhenVulnerable());
        assertEquals("", lab.recoveredWithCountermeasure());
        assertTrue(run.printed().contains("no guess stands out, the attack stops"), run.printed());
    }
}
