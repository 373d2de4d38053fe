package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** ParameterAttributeStruct (TR-069 Table 24): Notification 0 off, 1 passive, 2 active; the AccessList. */
public record ParameterAttributeStruct(String name, int notification, List<String> accessList) {

    public ParameterAttributeStruct {
        accessList = List.copyOf(accessList);
    }

    XmlElement encode() {
        return XmlElement.of("ParameterAttributeStruct", List.of(Fields.leaf("Name", name),
                Fields.leaf("Notification", notification), Fields.stringArray("AccessList", accessList)));
    }

    static ParameterAttributeStruct decode(XmlElement e) throws CwmpException {
        return new ParameterAttributeStruct(Fields.text(e, "Name").trim(), Fields.integer(e, "Notification"),
                Fields.strings(e, "AccessList"));
    }
}
