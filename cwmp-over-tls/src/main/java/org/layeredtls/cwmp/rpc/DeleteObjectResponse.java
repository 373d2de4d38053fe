package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** DeleteObjectResponse: Status 0/1. */
public record DeleteObjectResponse(int status) implements CwmpResponse {

    @Override
    public String methodName() {
        return "DeleteObjectResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.leaf("Status", status)));
    }

    public static DeleteObjectResponse decode(XmlElement e) throws CwmpException {
        return new DeleteObjectResponse(Fields.integer(e, "Status"));
    }
}
