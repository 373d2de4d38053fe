package org.layeredtls.handshake.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.handshake.testing.CapturedOutput;
import org.layeredtls.record.lab.LabResult;

class RenegotiationLabTest {

    @Test
    @Timeout(120)
    void theLegacyServerGluesThePrefixToTheVictimsRequestAndRfc5746RefusesTheSplice() throws Exception {
        CapturedOutput out = new CapturedOutput();
        LabResult result = new RenegotiationLab().run(out.stream);
        String text = out.text();
        assertTrue(result.demonstrated(), text);
        assertTrue(text.contains("   | X-Ignore-This: GET /account HTTP/1.1\n   | Cookie: session=victim-secret"), text);
        assertTrue(text.contains("victim: its handshake ends with the server's fatal handshake_failure"), text);
        assertTrue(result.finding().contains("renegotiation_info does not carry the client's previous verify_data"),
                result.finding());
    }
}
