package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** GetRPCMethods (TR-069 §A.3.1.1): sent by either side; no arguments. */
public record GetRPCMethods() implements CwmpRequest, CpeRequest {

    @Override
    public String methodName() {
        return "GetRPCMethods";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of());
    }

    public static GetRPCMethods decode(XmlElement e) throws CwmpException {
        return new GetRPCMethods();
    }
}
