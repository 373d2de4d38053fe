package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** GetParameterAttributes (TR-069 §A.3.2.5): full names or partial paths. */
public record GetParameterAttributes(List<String> parameterNames) implements CwmpRequest {

    public GetParameterAttributes {
        parameterNames = List.copyOf(parameterNames);
    }

    @Override
    public String methodName() {
        return "GetParameterAttributes";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.stringArray("ParameterNames", parameterNames)));
    }

    public static GetParameterAttributes decode(XmlElement e) throws CwmpException {
        return new GetParameterAttributes(Fields.strings(e, "ParameterNames"));
    }
}
