package org.layeredtls.cwmp.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.layeredtls.cwmp.acs.DeviceRecord;
import org.layeredtls.cwmp.acs.Task;
import org.layeredtls.cwmp.acs.TaskResult;
import org.layeredtls.cwmp.rpc.EventStruct;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;

/** What the ACS knows of a device, as JSON: a one-line summary for the list, everything for one device. */
final class DeviceJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DeviceJson() {
    }

    /** Id, last Inform (time, events), ConnectionRequestURL, and how many parameters, tasks and results. */
    static ObjectNode summary(DeviceRecord d) {
        ObjectNode json = JSON.objectNode().put("id", d.deviceId());
        json.put("lastInform", d.lastContact() == null ? null : d.lastContact().toString());
        var events = json.putArray("lastEvents");
        if (d.lastInform() != null) {
            d.lastInform().events().stream().map(EventStruct::eventCode).forEach(events::add);
        }
        json.put("connectionRequestUrl", d.connectionRequestUrl().orElse(null));
        json.put("parameterCount", d.parameters().size()).put("pendingTaskCount", d.pendingTasks().size())
                .put("resultCount", d.results().size());
        return json;
    }

    /** The summary plus the root, the ConnectionRequestUsername, every parameter seen, pending tasks and results. */
    static ObjectNode full(DeviceRecord d) {
        ObjectNode json = summary(d);
        json.put("root", d.root()).put("cwmpNamespace", d.cwmpNamespace());
        json.put("connectionRequestUsername", d.connectionRequestUsername().orElse(null));
        ObjectNode parameters = json.putObject("parameters");
        for (ParameterValueStruct v : d.parameters().values()) {
            parameters.putObject(v.name()).put("value", TaskJson.masked(v)).put("type", v.type());
        }
        json.set("tasks", tasks(d));
        return json;
    }

    /** {"pending": [...], "results": [...]}. */
    static ObjectNode tasks(DeviceRecord d) {
        ObjectNode json = JSON.objectNode().put("device", d.deviceId());
        var pending = json.putArray("pending");
        for (Task t : d.pendingTasks()) {
            pending.add(ResultJson.task(t));
        }
        var results = json.putArray("results");
        for (TaskResult r : d.results()) {
            results.add(ResultJson.result(r));
        }
        return json;
    }
}
