package org.layeredtls.cwmp.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.layeredtls.cwmp.acs.DeviceRecord;
import org.layeredtls.cwmp.rpc.AddObject;
import org.layeredtls.cwmp.rpc.CwmpRequest;
import org.layeredtls.cwmp.rpc.DeleteObject;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.FactoryReset;
import org.layeredtls.cwmp.rpc.GetParameterNames;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.Reboot;
import org.layeredtls.cwmp.rpc.SetParameterValues;

/**
 * A task as JSON, both ways: {@code {"method": "<RPC name>", ...its arguments in camelCase}}.
 * <pre>
 * {"method": "GetParameterValues", "parameterNames": ["Device.DeviceInfo."]}
 * {"method": "SetParameterValues", "parameters": {"Device.X.Y": "1"}, "parameterKey": "k"}
 *     (or "parameters": [{"name": ..., "value": ..., "type": "unsignedInt"}])
 * {"method": "GetParameterNames", "parameterPath": "Device.", "nextLevel": true}
 * {"method": "AddObject" | "DeleteObject", "objectName": "Device.X.", "parameterKey": "k"}
 * {"method": "Download", "url": ..., "fileType": "1 Firmware Upgrade Image", "commandKey": ..., "fileSize": 0, ...}
 * {"method": "Reboot", "commandKey": "k"}     {"method": "FactoryReset"}
 * </pre>
 * A SetParameterValues value without a type takes the type the device last reported for that parameter
 * ({@code string} when it never did), so that {@code set Device.ManagementServer.PeriodicInformInterval=60}
 * goes out as {@code xsd:unsignedInt}. Passwords are written as {@value #MASK}.
 */
final class TaskJson {

    static final String MASK = "********";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TaskJson() {
    }

    /** The request a JSON task describes; {@code device} (if known) lends SetParameterValues its types. */
    static CwmpRequest parse(JsonNode task, Optional<DeviceRecord> device) {
        String method = text(task, "method", null);
        if (method == null) {
            throw new IllegalArgumentException("a task needs a \"method\"");
        }
        return switch (method) {
            case "GetParameterValues" -> new GetParameterValues(strings(task, "parameterNames"));
            case "SetParameterValues" -> new SetParameterValues(values(task.path("parameters"), device),
                    text(task, "parameterKey", ""));
            case "GetParameterNames" -> new GetParameterNames(text(task, "parameterPath", ""),
                    task.path("nextLevel").asBoolean(false));
            case "AddObject" -> new AddObject(required(task, "objectName"), text(task, "parameterKey", ""));
            case "DeleteObject" -> new DeleteObject(required(task, "objectName"), text(task, "parameterKey", ""));
            case "Download" -> new Download(text(task, "commandKey", ""),
                    text(task, "fileType", "1 Firmware Upgrade Image"), required(task, "url"),
                    text(task, "username", ""), text(task, "password", ""), task.path("fileSize").asLong(0),
                    text(task, "targetFileName", ""), task.path("delaySeconds").asInt(0),
                    text(task, "successUrl", ""), text(task, "failureUrl", ""));
            case "Reboot" -> new Reboot(text(task, "commandKey", ""));
            case "FactoryReset" -> new FactoryReset();
            default -> throw new IllegalArgumentException("not a method the ACS can queue: " + method
                    + " (GetParameterValues, SetParameterValues, GetParameterNames, AddObject, DeleteObject,"
                    + " Download, Reboot, FactoryReset)");
        };
    }

    /** A request as JSON, passwords masked. */
    static ObjectNode render(CwmpRequest request) {
        ObjectNode json = JSON.objectNode().put("method", request.methodName());
        if (request instanceof GetParameterValues g) {
            g.parameterNames().forEach(json.putArray("parameterNames")::add);
        } else if (request instanceof SetParameterValues s) {
            json.set("parameters", renderValues(s.parameterList()));
            json.put("parameterKey", s.parameterKey());
        } else if (request instanceof GetParameterNames g) {
            json.put("parameterPath", g.parameterPath()).put("nextLevel", g.nextLevel());
        } else if (request instanceof AddObject a) {
            json.put("objectName", a.objectName()).put("parameterKey", a.parameterKey());
        } else if (request instanceof DeleteObject d) {
            json.put("objectName", d.objectName()).put("parameterKey", d.parameterKey());
        } else if (request instanceof Download d) {
            json.put("commandKey", d.commandKey()).put("fileType", d.fileType()).put("url", d.url())
                    .put("username", d.username()).put("password", d.password().isEmpty() ? "" : MASK)
                    .put("fileSize", d.fileSize()).put("targetFileName", d.targetFileName())
                    .put("delaySeconds", d.delaySeconds());
        } else if (request instanceof Reboot r) {
            json.put("commandKey", r.commandKey());
        }
        return json;
    }

    /** Parameter values as JSON, any parameter whose name ends in "Password" masked. */
    static JsonNode renderValues(List<ParameterValueStruct> values) {
        var array = JSON.arrayNode();
        for (ParameterValueStruct v : values) {
            array.addObject().put("name", v.name()).put("value", masked(v)).put("type", v.type());
        }
        return array;
    }

    /** The value to show: a password's is never shown (TR-069 §A.3.2.2: a CPE reads passwords back as ""). */
    static String masked(ParameterValueStruct v) {
        return v.name().endsWith("Password") && !v.value().isEmpty() ? MASK : v.value();
    }

    private static List<ParameterValueStruct> values(JsonNode parameters, Optional<DeviceRecord> device) {
        List<ParameterValueStruct> out = new ArrayList<>();
        if (parameters.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) parameters::fields) {
                out.add(value(e.getKey(), e.getValue().asText(), null, device));
            }
        } else if (parameters.isArray()) {
            for (JsonNode p : parameters) {
                out.add(value(required(p, "name"), text(p, "value", ""), text(p, "type", null), device));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("SetParameterValues needs \"parameters\": {\"name\": \"value\", ...}");
        }
        return out;
    }

    private static ParameterValueStruct value(String name, String value, String type, Optional<DeviceRecord> device) {
        String known = device.map(DeviceRecord::parameters).map(p -> p.get(name)).map(ParameterValueStruct::type)
                .orElse("string");
        String t = type == null ? known : type.startsWith("xsd:") ? type.substring(4) : type;
        return new ParameterValueStruct(name, value, t);
    }

    private static List<String> strings(JsonNode task, String field) {
        List<String> out = new ArrayList<>();
        task.path(field).forEach(n -> out.add(n.asText()));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty array of names");
        }
        return out;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field, null);
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? otherwise : v.asText();
    }
}
