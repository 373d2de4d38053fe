package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** GetParameterNamesResponse: ParameterList of ParameterInfoStruct. */
public record GetParameterNamesResponse(List<ParameterInfoStruct> parameterList) implements CwmpResponse {

    public GetParameterNamesResponse {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "GetParameterNamesResponse";
    }

    @Override
    public XmlElement encode() {
        List<XmlElement> items = new ArrayList<>();
        for (ParameterInfoStruct p : parameterList) {
            items.add(p.encode());
        }
        return Fields.method(methodName(),
                List.of(Fields.array("ParameterList", "cwmp:ParameterInfoStruct", items)));
    }

    public static GetParameterNamesResponse decode(XmlElement e) throws CwmpException {
        List<ParameterInfoStruct> out = new ArrayList<>();
        for (XmlElement i : Fields.items(e, "ParameterList")) {
            out.add(ParameterInfoStruct.decode(i));
        }
        return new GetParameterNamesResponse(out);
    }
}
