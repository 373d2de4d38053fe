package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/**
 * ParameterValueStruct (TR-069 Table 11): a full parameter name, its value, and the value's xsd type
 * ({@code string}, {@code boolean}, {@code unsignedInt}, {@code int}, {@code dateTime}, {@code base64}) written as
 * {@code xsi:type="xsd:<type>"}.
 */
public record ParameterValueStruct(String name, String value, String type) {

    /** A string-typed value. */
    public static ParameterValueStruct ofString(String name, String value) {
        return new ParameterValueStruct(name, value, "string");
    }

    XmlElement encode() {
        XmlElement v = XmlElement.leaf("Value", value)
                .withAttribute(org.layeredtls.cwmp.soap.Namespaces.XSI, "type", "xsd:" + type);
        return XmlElement.of("ParameterValueStruct", List.of(Fields.leaf("Name", name), v));
    }

    static ParameterValueStruct decode(XmlElement e) throws CwmpException {
        XmlElement v = Fields.required(e, "Value");
        String t = v.attribute(org.layeredtls.cwmp.soap.Namespaces.XSI, "type").orElse("xsd:string").trim();
        return new ParameterValueStruct(Fields.text(e, "Name").trim(), v.text(), t.substring(t.indexOf(':') + 1));
    }

    static XmlElement encodeList(List<ParameterValueStruct> list) {
        List<XmlElement> items = new ArrayList<>();
        for (ParameterValueStruct p : list) {
            items.add(p.encode());
        }
        return Fields.array("ParameterList", "cwmp:ParameterValueStruct", items);
    }

    static List<ParameterValueStruct> decodeList(XmlElement parent) throws CwmpException {
        List<ParameterValueStruct> out = new ArrayList<>();
        for (XmlElement i : Fields.items(parent, "ParameterList")) {
            out.add(decode(i));
        }
        return List.copyOf(out);
    }
}
