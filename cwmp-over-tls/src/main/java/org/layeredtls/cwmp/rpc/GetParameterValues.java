package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** GetParameterValues (TR-069 §A.3.2.2): full names or partial paths ending in ".". */
public record GetParameterValues(List<String> parameterNames) implements CwmpRequest {

    public GetParameterValues {
        parameterNames = List.copyOf(parameterNames);
    }

    @Override
    public String methodName() {
        return "GetParameterValues";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.stringArray("ParameterNames", parameterNames)));
    }

    public static GetParameterValues decode(XmlElement e) throws CwmpException {
        return new GetParameterValues(Fields.strings(e, "ParameterNames"));
    }
}
