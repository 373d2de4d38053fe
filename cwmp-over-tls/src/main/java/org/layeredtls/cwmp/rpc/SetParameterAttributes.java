package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** SetParameterAttributes (TR-069 §A.3.2.4). */
public record SetParameterAttributes(List<SetParameterAttributesStruct> parameterList) implements CwmpRequest {

    public SetParameterAttributes {
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "SetParameterAttributes";
    }

    @Override
    public XmlElement encode() {
        List<XmlElement> items = new ArrayList<>();
        for (SetParameterAttributesStruct p : parameterList) {
            items.add(p.encode());
        }
        return Fields.method(methodName(),
                List.of(Fields.array("ParameterList", "cwmp:SetParameterAttributesStruct", items)));
    }

    public static SetParameterAttributes decode(XmlElement e) throws CwmpException {
        List<SetParameterAttributesStruct> out = new ArrayList<>();
        for (XmlElement i : Fields.items(e, "ParameterList")) {
            out.add(SetParameterAttributesStruct.decode(i));
        }
        return new SetParameterAttributes(out);
    }
}
