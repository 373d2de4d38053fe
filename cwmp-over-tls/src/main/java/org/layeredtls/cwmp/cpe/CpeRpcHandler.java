package org.layeredtls.cwmp.cpe;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.rpc.AddObject;
import org.layeredtls.cwmp.rpc.AddObjectResponse;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpFaultException;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.CwmpRequest;
import org.layeredtls.cwmp.rpc.DeleteObject;
import org.layeredtls.cwmp.rpc.DeleteObjectResponse;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.DownloadResponse;
import org.layeredtls.cwmp.rpc.FaultCode;
import org.layeredtls.cwmp.rpc.GetParameterAttributes;
import org.layeredtls.cwmp.rpc.GetParameterAttributesResponse;
import org.layeredtls.cwmp.rpc.GetParameterNames;
import org.layeredtls.cwmp.rpc.GetParameterNamesResponse;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.GetRPCMethods;
import org.layeredtls.cwmp.rpc.GetRPCMethodsResponse;
import org.layeredtls.cwmp.rpc.Reboot;
import org.layeredtls.cwmp.rpc.RebootResponse;
import org.layeredtls.cwmp.rpc.SetParameterAttributes;
import org.layeredtls.cwmp.rpc.SetParameterAttributesResponse;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.SetParameterValuesResponse;

/** Answers the ACS's requests from the data model (TR-069 §A.3.2); Download and Reboot run after the session. */
final class CpeRpcHandler {
    /** The methods this CPE answers (GetRPCMethodsResponse). */
    static final List<String> METHODS = List.of("GetRPCMethods", "GetParameterNames", "GetParameterValues",
            "SetParameterValues", "GetParameterAttributes", "SetParameterAttributes", "AddObject", "DeleteObject",
            "Reboot", "Download");

    private final CpeAgent agent;
    private final List<Download> downloads = new ArrayList<>();
    private String rebootCommandKey;

    CpeRpcHandler(CpeAgent agent) {
        this.agent = agent;
    }

    CwmpMessage handle(CwmpRequest request) {
        DataModel m = agent.model();
        try {
            CwmpMessage response;
            if (request instanceof GetRPCMethods) {
                response = new GetRPCMethodsResponse(METHODS);
            } else if (request instanceof GetParameterNames g) {
                response = new GetParameterNamesResponse(m.getParameterNames(g.parameterPath(), g.nextLevel()));
            } else if (request instanceof GetParameterValues g) {
                response = new GetParameterValuesResponse(m.getParameterValues(g.parameterNames()));
            } else if (request instanceof SetParameterValues s) {
                response = new SetParameterValuesResponse(m.setParameterValues(s.parameterList(), s.parameterKey()));
            } else if (request instanceof GetParameterAttributes g) {
                response = new GetParameterAttributesResponse(m.getParameterAttributes(g.parameterNames()));
            } else if (request instanceof SetParameterAttributes s) {
                m.setParameterAttributes(s.parameterList());
                response = new SetParameterAttributesResponse();
            } else if (request instanceof AddObject a) {
                response = new AddObjectResponse(m.addObject(a.objectName(), a.parameterKey()), 0);
            } else if (request instanceof DeleteObject d) {
                m.deleteObject(d.objectName(), d.parameterKey());
                response = new DeleteObjectResponse(0);
            } else if (request instanceof Reboot r) {
                rebootCommandKey = r.commandKey();
                response = new RebootResponse();
            } else if (request instanceof Download d) {
                response = download(d);
            } else {
                response = CwmpFault.of(FaultCode.METHOD_NOT_SUPPORTED, request.methodName());
            }
            agent.save(); // values set by the ACS survive a restart
            return response;
        } catch (CwmpFaultException e) {
            return e.fault();
        }
    }

    // TR-069 §A.3.2.8: answer Status 1 with the unknown times; fetch after the session; report in TransferComplete.
    private CwmpMessage download(Download d) throws CwmpFaultException {
        String url = d.url().toLowerCase(java.util.Locale.ROOT);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw CwmpFault.of(FaultCode.UNSUPPORTED_TRANSFER_PROTOCOL, d.url()).asException();
        }
        downloads.add(d);
        return DownloadResponse.pending();
    }

    List<Download> downloads() {
        return List.copyOf(downloads);
    }

    String rebootCommandKey() {
        return rebootCommandKey;
    }
}
