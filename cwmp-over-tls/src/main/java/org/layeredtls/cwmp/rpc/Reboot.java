package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** Reboot (TR-069 §A.3.2.9): the CPE reboots after the session and then sends "M Reboot" with this key. */
public record Reboot(String commandKey) implements CwmpRequest {

    @Override
    public String methodName() {
        return "Reboot";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.leaf("CommandKey", commandKey)));
    }

    public static Reboot decode(XmlElement e) throws CwmpException {
        return new Reboot(Fields.optionalRaw(e, "CommandKey"));
    }
}
