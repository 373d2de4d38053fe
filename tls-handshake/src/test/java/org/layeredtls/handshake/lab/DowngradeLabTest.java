package org.layeredtls.handshake.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.testing.CapturedOutput;
import org.layeredtls.record.lab.LabResult;

class DowngradeLabTest {

    @Test
    @Timeout(120)
    void aFallbackWithoutScsvEndsOnTls10AndTheScsvMakesTheServerRefuseIt() throws Exception {
        CapturedOutput out = new CapturedOutput();
        LabResult result = new DowngradeLab().run(out.stream);
        String text = out.text();
        assertTrue(result.demonstrated(), text);
        assertTrue(text.contains("offer up to TLSv1: connected with TLSv1"), text);
        assertTrue(text.contains("+ TLS_FALLBACK_SCSV: the server answered fatal inappropriate_fallback"), text);
        assertTrue(result.finding().contains("ended on TLSv1;"), result.finding());
    }
}
