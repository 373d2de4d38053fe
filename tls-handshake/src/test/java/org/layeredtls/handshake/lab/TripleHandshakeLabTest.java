package org.layeredtls.handshake.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.testing.CapturedOutput;
import org.layeredtls.record.lab.LabResult;

class TripleHandshakeLabTest {

    @Test
    @Timeout(120)
    void withoutEmsTwoConnectionsShareOneMasterSecretAndCResumesWithSAndWithEmsNeither() throws Exception {
        CapturedOutput out = new CapturedOutput();
        LabResult result = new TripleHandshakeLab().run(out.stream);
        String text = out.text();
        assertTrue(result.demonstrated(), text);
        assertTrue(text.contains("the SAME session and master secret on two connections"), text);
        assertTrue(text.contains("EMS yes"), text);
        assertTrue(text.contains("C: resumed with \"mallory.test\"; S: resumed the session it made with M"), text);
        assertTrue(text.contains("C: the abbreviated handshake fails (record layer: bad_record_mac"), text);
        assertTrue(text.contains("The first step works again (C and S went on without EMS), the second does not"), text);
        assertTrue(result.finding().contains("shared the session id and the master secret"), result.finding());
        assertTrue(result.finding().contains("with EMS their master secrets differed"), result.finding());
    }
}
