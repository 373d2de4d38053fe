package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** GetParameterValuesResponse: ParameterList of ParameterValueStruct. */
public record GetParameterValuesResponse(List<ParameterValueStruct> parameterList) implements CwmpResponse {

    public GetParameterValuesResponse {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "GetParameterValuesResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(ParameterValueStruct.encodeList(parameterList)));
    }

    public static GetParameterValuesResponse decode(XmlElement e) throws CwmpException {
        return new GetParameterValuesResponse(ParameterValueStruct.decodeList(e));
    }
}
