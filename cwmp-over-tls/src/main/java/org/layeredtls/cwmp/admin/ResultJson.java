package org.layeredtls.cwmp.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.layeredtls.cwmp.acs.Task;
import org.layeredtls.cwmp.acs.TaskResult;
import org.layeredtls.cwmp.rpc.AddObjectResponse;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.DeleteObjectResponse;
import org.layeredtls.cwmp.rpc.DownloadResponse;
import org.layeredtls.cwmp.rpc.GetParameterNamesResponse;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.ParameterInfoStruct;
import org.layeredtls.cwmp.rpc.SetParameterValuesFault;
import org.layeredtls.cwmp.rpc.SetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.TransferComplete;

/** Queued tasks and the device's answers as JSON: values, statuses, and faults with their per-parameter detail. */
final class ResultJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ResultJson() {
    }

    static ObjectNode task(Task task) {
        ObjectNode json = JSON.objectNode().put("id", task.taskId()).put("created", task.createdAt().toString());
        json.set("request", TaskJson.render(task.request()));
        return json;
    }

    static ObjectNode result(TaskResult result) {
        ObjectNode json = JSON.objectNode().put("id", result.taskId())
                .put("completed", result.completedAt().toString()).put("fault", result.isFault());
        json.set("request", TaskJson.render(result.request()));
        json.set("response", response(result.response()));
        return json;
    }

    /** A response or fault: its method name and what it carries. */
    static ObjectNode response(CwmpMessage answer) {
        ObjectNode json = JSON.objectNode().put("method", answer.methodName());
        if (answer instanceof CwmpFault f) {
            json.put("faultCode", f.faultCode()).put("faultString", f.faultString());
            var parameters = json.putArray("parameterFaults");
            for (SetParameterValuesFault p : f.setParameterValuesFaults()) {
                parameters.addObject().put("name", p.parameterName()).put("faultCode", p.faultCode())
                        .put("faultString", p.faultString());
            }
        } else if (answer instanceof GetParameterValuesResponse g) {
            json.set("parameters", TaskJson.renderValues(g.parameterList()));
        } else if (answer instanceof GetParameterNamesResponse g) {
            var names = json.putArray("parameters");
            for (ParameterInfoStruct p : g.parameterList()) {
                names.addObject().put("name", p.name()).put("writable", p.writable());
            }
        } else if (answer instanceof SetParameterValuesResponse s) {
            json.put("status", s.status());
        } else if (answer instanceof AddObjectResponse a) {
            json.put("instanceNumber", a.instanceNumber()).put("status", a.status());
        } else if (answer instanceof DeleteObjectResponse d) {
            json.put("status", d.status());
        } else if (answer instanceof DownloadResponse d) {
            json.put("status", d.status());
        } else if (answer instanceof TransferComplete t) {
            json.put("commandKey", t.commandKey()).put("faultCode", t.faultStruct().faultCode())
                    .put("faultString", t.faultStruct().faultString())
                    .put("startTime", String.valueOf(t.startTime())).put("completeTime", String.valueOf(t.completeTime()));
        }
        return json;
    }
}
