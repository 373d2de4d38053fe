package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** GetParameterAttributesResponse: ParameterList of ParameterAttributeStruct. */
public record GetParameterAttributesResponse(List<ParameterAttributeStruct> parameterList) implements CwmpResponse {

    public GetParameterAttributesResponse {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "GetParameterAttributesResponse";
    }

    @Override
    public XmlElement encode() {
        List<XmlElement> items = new ArrayList<>();
        for (ParameterAttributeStruct p : parameterList) {
            items.add(p.encode());
        }
        return Fields.method(methodName(),
                List.of(Fields.array("ParameterList", "cwmp:ParameterAttributeStruct", items)));
    }

    public static GetParameterAttributesResponse decode(XmlElement e) throws CwmpException {
        List<ParameterAttributeStruct> out = new ArrayList<>();
        for (XmlElement i : Fields.items(e, "ParameterList")) {
            out.add(ParameterAttributeStruct.decode(i));
        }
        return new GetParameterAttributesResponse(out);
    }
}
