package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** RebootResponse: no arguments. */
public record RebootResponse() implements CwmpResponse {

    @Override
    public String methodName() {
        return "RebootResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of());
    }

    public static RebootResponse decode(XmlElement e) throws CwmpException {
        return new RebootResponse();
    }
}
