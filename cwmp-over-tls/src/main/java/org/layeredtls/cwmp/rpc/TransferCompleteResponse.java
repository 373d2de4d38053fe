package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** TransferCompleteResponse: no arguments. */
public record TransferCompleteResponse() implements CwmpResponse {

    @Override
    public String methodName() {
        return "TransferCompleteResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of());
    }

    public static TransferCompleteResponse decode(XmlElement e) throws CwmpException {
        return new TransferCompleteResponse();
    }
}
