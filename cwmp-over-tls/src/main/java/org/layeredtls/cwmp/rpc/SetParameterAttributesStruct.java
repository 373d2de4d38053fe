package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** SetParameterAttributesStruct (TR-069 Table 21); the name may be a partial path ending in ".". */
public record SetParameterAttributesStruct(String name, boolean notificationChange, int notification,
                                           boolean accessListChange, List<String> accessList) {

    public SetParameterAttributesStruct {
        accessList = List.copyOf(accessList);
    }

    XmlElement encode() {
        return XmlElement.of("SetParameterAttributesStruct", List.of(Fields.leaf("Name", name),
                Fields.leaf("NotificationChange", notificationChange), Fields.leaf("Notification", notification),
                Fields.leaf("AccessListChange", accessListChange), Fields.stringArray("AccessList", accessList)));
    }

    static SetParameterAttributesStruct decode(XmlElement e) throws CwmpException {
        return new SetParameterAttributesStruct(Fields.text(e, "Name").trim(), Fields.bool(e, "NotificationChange"),
                Fields.integer(e, "Notification"), Fields.bool(e, "AccessListChange"),
                Fields.strings(e, "AccessList"));
    }
}
