package org.layeredtls.cwmp.rpc;

import java.util.List;
import org.layeredtls.cwmp.soap.XmlElement;

/**
 * FactoryReset (TR-069 Annex A, an optional CPE method): the CPE answers, ends the session, and resets to
 * its factory defaults; it then comes back with "0 BOOTSTRAP". No arguments. A CPE without it faults 9000.
 */
public record FactoryReset() implements CwmpRequest {

    @Override
    public String methodName() {
        return "FactoryReset";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of());
    }

    public static FactoryReset decode(XmlElement e) {
        return new FactoryReset();
    }
}
