package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoodleLabTest {

    @Test
    void sslv3PaddingOracleDecryptsTheCookieAndTlsPaddingChecksSilenceIt() {
        PoodleLab lab = new PoodleLab();
        LabRun run = LabRun.of(lab);
        assertTrue(run.result().demonstrated(), run.result().finding());
        assertEquals(PoodleLab.COOKIE, lab.recoveredWhenVulnerable());
        assertEquals("", lab.recoveredWithCountermeasure());
        assertTrue(run.printed().contains("bad_record_mac on all 1024 connections"), run.printed());
    }

    @Test
    void requestPutsTheWantedCookieByteLastInABlockAndFillsTheLastBlockWithPadding() {
        for (int j = 0; j < PoodleLab.COOKIE.length(); j++) {
            String request = PoodleLab.request(j);
            int inSecondRecord = request.indexOf(PoodleLab.COOKIE) + j - 1; // after the 1/n-1 split
            assertEquals(15, inSecondRecord % 16, "cookie byte " + j);
            assertEquals(0, (request.length() - 1 + 20) % 16, "content (fragment + SHA-1 MAC) of request " + j);
        }
    }
}
