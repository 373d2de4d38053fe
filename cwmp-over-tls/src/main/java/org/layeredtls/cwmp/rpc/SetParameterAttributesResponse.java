package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** SetParameterAttributesResponse: no arguments. */
public record SetParameterAttributesResponse() implements CwmpResponse {

    @Override
    public String methodName() {
        return "SetParameterAttributesResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of());
    }

    public static SetParameterAttributesResponse decode(XmlElement e) throws CwmpException {
        return new SetParameterAttributesResponse();
    }
}
