package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** GetRPCMethodsResponse: MethodList, an array of xsd:string. */
public record GetRPCMethodsResponse(List<String> methodList) implements CwmpResponse {

    public GetRPCMethodsResponse {
        methodList = List.copyOf(methodList);
    }

    @Override
    public String methodName() {
        return "GetRPCMethodsResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.stringArray("MethodList", methodList)));
    }

    public static GetRPCMethodsResponse decode(XmlElement e) throws CwmpException {
        return new GetRPCMethodsResponse(Fields.strings(e, "MethodList"));
    }
}
