package org.layeredtls.cwmp.rpc;

import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.XmlElement;

/** Decodes the element inside a SOAP Body into the {@link CwmpMessage} it names. */
public final class Rpc {

    private Rpc() {
    }

    /**
     * Decodes a body element. A method we do not implement raises {@link CwmpException.Kind#METHOD_NOT_SUPPORTED}
     * (the receiver answers 9000 or 8000); missing or ill-formed arguments raise
     * {@link CwmpException.Kind#INVALID_ARGUMENTS}.
     */
    public static CwmpMessage decode(XmlElement body) throws CwmpException {
        if (body.is(Namespaces.SOAP_ENV, "Fault")) {
            return CwmpFault.decode(body);
        }
        return switch (body.name()) {
            case "Inform" -> Inform.decode(body);
            case "InformResponse" -> InformResponse.decode(body);
            case "TransferComplete" -> TransferComplete.decode(body);
            case "TransferCompleteResponse" -> TransferCompleteResponse.decode(body);
            case "GetRPCMethods" -> GetRPCMethods.decode(body);
            case "GetRPCMethodsResponse" -> GetRPCMethodsResponse.decode(body);
            case "GetParameterNames" -> GetParameterNames.decode(body);
            case "GetParameterNamesResponse" -> GetParameterNamesResponse.decode(body);
            case "GetParameterValues" -> GetParameterValues.decode(body);
            case "GetParameterValuesResponse" -> GetParameterValuesResponse.decode(body);
            case "SetParameterValues" -> SetParameterValues.decode(body);
            case "SetParameterValuesResponse" -> SetParameterValuesResponse.decode(body);
            case "GetParameterAttributes" -> GetParameterAttributes.decode(body);
            case "GetParameterAttributesResponse" -> GetParameterAttributesResponse.decode(body);
            case "SetParameterAttributes" -> SetParameterAttributes.decode(body);
            case "SetParameterAttributesResponse" -> SetParameterAttributesResponse.decode(body);
            case "AddObject" -> AddObject.decode(body);
            case "AddObjectResponse" -> AddObjectResponse.decode(body);
            case "DeleteObject" -> DeleteObject.decode(body);
            case "DeleteObjectResponse" -> DeleteObjectResponse.decode(body);
            case "Reboot" -> Reboot.decode(body);
            case "RebootResponse" -> RebootResponse.decode(body);
            case "Download" -> Download.decode(body);
            case "DownloadResponse" -> DownloadResponse.decode(body);
            case "FactoryReset" -> FactoryReset.decode(body);
            case "FactoryResetResponse" -> FactoryResetResponse.decode(body);
            default -> throw new CwmpException(CwmpException.Kind.METHOD_NOT_SUPPORTED,
                    "method not supported: " + body.name());
        };
    }
}
