package org.layeredtls.cwmp.soap.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.cwmp.rpc.Rpc;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.SoapEnvelope;

/**
 * Fuzzes what an ACS or a CPE does with an HTTP body from its peer: parse the SOAP envelope
 * (the JDK's DOM parser, DOCTYPEs refused) and decode the CWMP message in its Body (TR-069
 * Annex A). The rule: malformed XML or a malformed message is a {@link CwmpException} (which the
 * session answers with an HTTP 400 or a CWMP fault); nothing else escapes.
 */
class SoapReaderFuzzTest {

    @FuzzTest
    void decodeRaisesOnlyCwmpException(byte[] input) {
        try {
            SoapEnvelope envelope = SoapEnvelope.decode(input);
            if (envelope.body() != null) {
                Rpc.decode(envelope.body());
            }
        } catch (CwmpException expected) {
            // malformed input: the session answers 400 or a fault
        }
    }
}
