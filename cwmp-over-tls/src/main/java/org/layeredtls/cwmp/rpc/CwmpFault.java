package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.XmlElement;

/**
 * A CWMP fault (TR-069 §3.5): {@code soap-env:Fault} with {@code faultcode} Client or Server,
 * {@code faultstring} "CWMP fault", and {@code detail/cwmp:Fault{FaultCode, FaultString}}; a failed
 * SetParameterValues adds one {@code SetParameterValuesFault} per bad parameter.
 *
 * @param faultCode  the CWMP code (see {@link FaultCode}; vendor codes are kept as numbers)
 * @param faultString the human description
 * @param setParameterValuesFaults per-parameter faults (SetParameterValues only), else empty
 */
public record CwmpFault(int faultCode, String faultString, List<SetParameterValuesFault> setParameterValuesFaults)
        implements CwmpMessage {

    public CwmpFault {
        setParameterValuesFaults = List.copyOf(setParameterValuesFaults);
    }

    /** A fault with TR-069's description as FaultString. */
    public static CwmpFault of(FaultCode code) {
        return new CwmpFault(code.code(), code.description(), List.of());
    }

    /** A fault with an explanatory FaultString. */
    public static CwmpFault of(FaultCode code, String faultString) {
        return new CwmpFault(code.code(), faultString, List.of());
    }

    /** The SOAP faultcode: {@code Client} for 9003, 9005–9008 and 8003, {@code Server} otherwise. */
    public String soapFaultCode() {
        return FaultCode.of(faultCode).map(FaultCode::isClient).orElse(false) ? "Client" : "Server";
    }

    @Override
    public String methodName() {
        return "Fault";
    }

    @Override
    public XmlElement encode() {
        List<XmlElement> detail = new ArrayList<>();
        detail.add(Fields.leaf("FaultCode", faultCode));
        detail.add(Fields.leaf("FaultString", faultString));
        for (SetParameterValuesFault f : setParameterValuesFaults) {
            detail.add(f.encode());
        }
        XmlElement cwmpFault = XmlElement.cwmp("Fault", detail);
        return new XmlElement(Namespaces.SOAP_ENV, "Fault", java.util.Map.of(), List.of(
                Fields.leaf("faultcode", soapFaultCode()), Fields.leaf("faultstring", "CWMP fault"),
                XmlElement.of("detail", List.of(cwmpFault))), "");
    }

    /** Decodes a {@code soap-env:Fault} element. */
    public static CwmpFault decode(XmlElement e) throws CwmpException {
        XmlElement detail = Fields.required(e, "detail");
        XmlElement f = Fields.required(detail, "Fault");
        List<SetParameterValuesFault> spv = new ArrayList<>();
        for (XmlElement i : f.children("SetParameterValuesFault")) {
            spv.add(SetParameterValuesFault.decode(i));
        }
        return new CwmpFault(Fields.integer(f, "FaultCode"), Fields.optionalRaw(f, "FaultString"), spv);
    }

    /** This fault as an exception carrying it, for code paths that must abort. */
    public CwmpFaultException asException() {
        return new CwmpFaultException(this);
    }
}
