package org.layeredtls.handshake.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.testing.CapturedOutput;
import org.layeredtls.record.lab.LabResult;

class TruncationLabTest {

    @Test
    @Timeout(120)
    void theNaiveReaderTakesTheCutMessageWhileTheMissingCloseNotifyGivesItAway() throws Exception {
        CapturedOutput out = new CapturedOutput();
        LabResult result = new TruncationLab().run(out.stream);
        String text = out.text();
        assertTrue(result.demonstrated(), text);
        assertTrue(text.contains("naive reader: the message is \"Meeting at 10:00\" (believed complete"), text);
        assertTrue(text.contains("careful reader: TRUNCATED"), text);
        assertTrue(text.contains("close_notify received"), text);
    }
}
