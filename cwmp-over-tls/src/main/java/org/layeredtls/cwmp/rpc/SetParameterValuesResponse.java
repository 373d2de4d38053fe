package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** SetParameterValuesResponse: Status 0 (applied) or 1 (applied, takes effect later). */
public record SetParameterValuesResponse(int status) implements CwmpResponse {

    @Override
    public String methodName() {
        return "SetParameterValuesResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.leaf("Status", status)));
    }

    public static SetParameterValuesResponse decode(XmlElement e) throws CwmpException {
        return new SetParameterValuesResponse(Fields.integer(e, "Status"));
    }
}
