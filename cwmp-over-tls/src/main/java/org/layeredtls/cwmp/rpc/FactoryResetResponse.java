package org.layeredtls.cwmp.rpc;

import java.util.List;
import org.layeredtls.cwmp.soap.XmlElement;

/** FactoryResetResponse: no arguments. */
public record FactoryResetResponse() implements CwmpResponse {

    @Override
    public String methodName() {
        return "FactoryResetResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of());
    }

    public static FactoryResetResponse decode(XmlElement e) {
        return new FactoryResetResponse();
    }
}
