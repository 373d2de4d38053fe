package org.layeredtls.handshake.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.testing.CapturedOutput;
import org.layeredtls.record.lab.LabResult;

class BleichenbacherLabTest {

    @Test
    @Timeout(300)
    void theLeakyServerGivesAwayThePremasterSecretAndTheRealServerAnswersEveryPaddingAlike() throws Exception {
        CapturedOutput out = new CapturedOutput();
        LabResult result = new BleichenbacherLab().run(out.stream);
        String text = out.text();
        assertTrue(result.demonstrated(), text);
        assertTrue(text.contains("its master secret EQUALS the victim's"), text);
        assertTrue(text.contains("invalid -> [fatal decrypt_error]"), text);
        assertTrue(result.finding().contains("the real server answered [fatal bad_record_mac] to valid and [fatal bad_record_mac] to invalid"),
                result.finding());
    }
}
