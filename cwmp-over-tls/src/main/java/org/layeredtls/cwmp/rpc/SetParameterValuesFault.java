package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** One bad parameter of a failed SetParameterValues (TR-069 §A.5.1): 9005, 9006, 9007 or 9008. */
public record SetParameterValuesFault(String parameterName, int faultCode, String faultString) {

    XmlElement encode() {
        return XmlElement.of("SetParameterValuesFault", List.of(Fields.leaf("ParameterName", parameterName),
                Fields.leaf("FaultCode", faultCode), Fields.leaf("FaultString", faultString)));
    }

    static SetParameterValuesFault decode(XmlElement e) throws CwmpException {
        return new SetParameterValuesFault(Fields.text(e, "ParameterName").trim(), Fields.integer(e, "FaultCode"),
                Fields.optionalRaw(e, "FaultString"));
    }
}
