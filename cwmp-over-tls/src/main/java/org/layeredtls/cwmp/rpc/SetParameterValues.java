package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** SetParameterValues (TR-069 §A.3.2.1): atomic; ParameterKey is stored only on success. */
public record SetParameterValues(List<ParameterValueStruct> parameterList, String parameterKey)
        implements CwmpRequest {

    public SetParameterValues {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "SetParameterValues";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(),
                List.of(ParameterValueStruct.encodeList(parameterList), Fields.leaf("ParameterKey", parameterKey)));
    }

    public static SetParameterValues decode(XmlElement e) throws CwmpException {
        return new SetParameterValues(ParameterValueStruct.decodeList(e), Fields.optionalRaw(e, "ParameterKey"));
    }
}
