package org.layeredtls.cwmp.rpc;

import java.util.List;

/** One-line human summaries of messages, for session logs and the demo's trace (secrets never shown). */
public final class MessageSummary {

    private MessageSummary() {
    }

    /** E.g. {@code GetParameterValues [Device.DeviceInfo.]} or {@code Fault 9003 Invalid arguments}. */
    public static String of(CwmpMessage m) {
        if (m instanceof Inform i) {
            return "Inform " + i.deviceId().identity() + " "
                    + i.events().stream().map(EventStruct::eventCode).toList();
        }
        if (m instanceof GetParameterNames g) {
            return "GetParameterNames " + g.parameterPath() + " NextLevel=" + g.nextLevel();
        }
        if (m instanceof GetParameterValues g) {
            return "GetParameterValues " + g.parameterNames();
        }
        if (m instanceof SetParameterValues s) {
            return "SetParameterValues " + names(s.parameterList()) + " ParameterKey="
                    + s.parameterKey();
        }
        if (m instanceof GetParameterAttributes g) {
            return "GetParameterAttributes " + g.parameterNames();
        }
        if (m instanceof SetParameterAttributes s) {
            return "SetParameterAttributes "
                    + s.parameterList().stream().map(SetParameterAttributesStruct::name).toList();
        }
        if (m instanceof AddObject a) {
            return "AddObject " + a.objectName();
        }
        if (m instanceof DeleteObject d) {
            return "DeleteObject " + d.objectName();
        }
        if (m instanceof Reboot r) {
            return "Reboot CommandKey=" + r.commandKey();
        }
        if (m instanceof Download d) {
            return "Download " + d.fileType() + " " + d.url() + " CommandKey=" + d.commandKey();
        }
        if (m instanceof TransferComplete t) {
            return "TransferComplete CommandKey=" + t.commandKey() + " FaultCode="
                    + t.faultStruct().faultCode();
        }
        if (m instanceof GetParameterValuesResponse r) {
            return "GetParameterValuesResponse " + r.parameterList().stream()
                    .map(p -> p.name() + "=" + p.value()).toList();
        }
        if (m instanceof GetParameterNamesResponse r) {
            return "GetParameterNamesResponse (" + r.parameterList().size() + " names)";
        }
        if (m instanceof SetParameterValuesResponse r) {
            return "SetParameterValuesResponse Status=" + r.status();
        }
        if (m instanceof AddObjectResponse r) {
            return "AddObjectResponse InstanceNumber=" + r.instanceNumber();
        }
        if (m instanceof DeleteObjectResponse r) {
            return "DeleteObjectResponse Status=" + r.status();
        }
        if (m instanceof DownloadResponse r) {
            return "DownloadResponse Status=" + r.status();
        }
        if (m instanceof CwmpFault f) {
            return "Fault " + f.faultCode() + " " + f.faultString()
                    + (f.setParameterValuesFaults().isEmpty() ? "" : " " + f.setParameterValuesFaults().stream()
                    .map(x -> x.parameterName() + ":" + x.faultCode()).toList());
        }
        return m.methodName();
    }

    private static List<String> names(List<ParameterValueStruct> l) {
        return l.stream().map(ParameterValueStruct::name).toList();
    }
}
