package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** FaultStruct of TransferComplete (TR-069 Table 39): FaultCode 0 means success. */
public record FaultStruct(int faultCode, String faultString) {
    /** No fault. */
    public static final FaultStruct NONE = new FaultStruct(0, "");

    XmlElement encode() {
        return XmlElement.of("FaultStruct",
                List.of(Fields.leaf("FaultCode", faultCode), Fields.leaf("FaultString", faultString)));
    }

    static FaultStruct decode(XmlElement e) throws CwmpException {
        return new FaultStruct(Fields.integer(e, "FaultCode"), Fields.optionalRaw(e, "FaultString"));
    }
}
