package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeastLabTest {

    @Test
    void predictableIvConfirmsCookieGuessesAndSplitOrExplicitIvStopsIt() {
        BeastLab lab = new BeastLab();
        LabRun run = LabRun.of(lab);
        assertTrue(run.result().demonstrated(), run.result().finding());
        assertEquals(BeastLab.COOKIE, lab.recoveredWhenVulnerable());
        assertEquals("", lab.recoveredWithSplit());
        assertEquals("", lab.recoveredWithExplicitIv());
    }

    @Test
    void requestPutsTheWantedCookieByteLastInABlockOfTheRecordThatCarriesIt() {
        for (boolean split : new boolean[] {false, true}) {
            for (int j = 0; j < BeastLab.COOKIE.length(); j++) {
                String request = BeastLab.request(j, split);
                int inRecord = request.indexOf(BeastLab.COOKIE) + j - (split ? 1 : 0);
                assertEquals(15, inRecord % 16, "cookie byte " + j + (split ? " after the split" : ""));
            }
        }
    }
}
