package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** ParameterInfoStruct (TR-069 Table 17): a name (objects end in ".") and whether it is writable. */
public record ParameterInfoStruct(String name, boolean writable) {

    XmlElement encode() {
        return XmlElement.of("ParameterInfoStruct",
                List.of(Fields.leaf("Name", name), Fields.leaf("Writable", writable)));
    }

    static ParameterInfoStruct decode(XmlElement e) throws CwmpException {
        return new ParameterInfoStruct(Fields.text(e, "Name").trim(), Fields.bool(e, "Writable"));
    }
}
