package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** EventStruct (TR-069 Table 37): an event code such as {@code "1 BOOT"} and its CommandKey. */
public record EventStruct(String eventCode, String commandKey) {

    XmlElement encode() {
        return XmlElement.of("EventStruct",
                List.of(Fields.leaf("EventCode", eventCode), Fields.leaf("CommandKey", commandKey)));
    }

    static EventStruct decode(XmlElement e) throws CwmpException {
        return new EventStruct(Fields.text(e, "EventCode").trim(), Fields.optionalRaw(e, "CommandKey"));
    }
}
