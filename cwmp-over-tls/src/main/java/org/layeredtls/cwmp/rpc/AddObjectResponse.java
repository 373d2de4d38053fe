package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** AddObjectResponse: the new InstanceNumber and Status 0/1. */
public record AddObjectResponse(long instanceNumber, int status) implements CwmpResponse {

    @Override
    public String methodName() {
        return "AddObjectResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(),
                List.of(Fields.leaf("InstanceNumber", instanceNumber), Fields.leaf("Status", status)));
    }

    public static AddObjectResponse decode(XmlElement e) throws CwmpException {
        return new AddObjectResponse(Fields.number(e, "InstanceNumber"), Fields.integer(e, "Status"));
    }
}
