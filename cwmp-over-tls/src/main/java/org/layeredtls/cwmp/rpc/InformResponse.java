package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** InformResponse (TR-069 §A.3.3.1): MaxEnvelopes is 1. */
public record InformResponse(int maxEnvelopes) implements CwmpResponse {

    @Override
    public String methodName() {
        return "InformResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.leaf("MaxEnvelopes", maxEnvelopes)));
    }

    public static InformResponse decode(XmlElement e) throws CwmpException {
        // Some ACSs omit MaxEnvelopes; 1 is the only value that matters.
        return new InformResponse(e.child("MaxEnvelopes").isPresent() ? Fields.integer(e, "MaxEnvelopes") : 1);
    }
}
