package org.layeredtls.cwmp.acs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.layeredtls.cwmp.rpc.Inform;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;

/**
 * What the ACS knows of one device: its identity, its last Inform (time, events, parameters), the parameter
 * values it learnt (from Informs, GetParameterValues responses and its own successful SetParameterValues),
 * the tasks still queued and the results received.
 *
 * @param deviceId      {@code OUI-ProductClass-SerialNumber}
 * @param cwmpNamespace the CWMP namespace of the last Inform (the ACS answers in it)
 * @param lastInform    the last Inform received, or null when the device has not yet contacted us
 * @param lastContact   the ACS's time of that Inform, or null
 * @param parameters    learnt values by name
 * @param pendingTasks  queued RPCs, oldest first
 * @param results       answers received, oldest first
 */
public record DeviceRecord(String deviceId, String cwmpNamespace, Inform lastInform, Instant lastContact,
                           Map<String, ParameterValueStruct> parameters, List<Task> pendingTasks,
                           List<TaskResult> results) {

    public DeviceRecord {
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        pendingTasks = List.copyOf(pendingTasks);
        results = List.copyOf(results);
    }

    /** A device known only by id (a task was queued before its first Inform). */
    public static DeviceRecord unknown(String deviceId) {
        return new DeviceRecord(deviceId, org.layeredtls.cwmp.soap.Namespaces.CWMP_1_0, null, null, Map.of(),
                List.of(), List.of());
    }

    /** A learnt value, if any. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(parameters.get(name)).map(ParameterValueStruct::value);
    }

    /** The data model root the device uses, told by its Inform's parameter names ("Device." by default). */
    public String root() {
        for (String n : parameters.keySet()) {
            if (n.startsWith("InternetGatewayDevice.")) {
                return "InternetGatewayDevice.";
            }
        }
        return "Device.";
    }

    /** ManagementServer.ConnectionRequestURL as learnt. */
    public Optional<String> connectionRequestUrl() {
        return value(root() + "ManagementServer.ConnectionRequestURL").filter(s -> !s.isEmpty());
    }

    /** ManagementServer.ConnectionRequestUsername as learnt (or set by us). */
    public Optional<String> connectionRequestUsername() {
        return value(root() + "ManagementServer.ConnectionRequestUsername");
    }

    /** ManagementServer.ConnectionRequestPassword as set by us (a CPE reads passwords back as ""). */
    public Optional<String> connectionRequestPassword() {
        return value(root() + "ManagementServer.ConnectionRequestPassword");
    }

    DeviceRecord withInform(Inform inform, String namespace, Instant at) {
        return new DeviceRecord(deviceId, namespace, inform, at, learn(parameters, inform.parameterList()),
                pendingTasks, results);
    }

    DeviceRecord withLearnt(List<ParameterValueStruct> values) {
        return new DeviceRecord(deviceId, cwmpNamespace, lastInform, lastContact, learn(parameters, values),
                pendingTasks, results);
    }

    DeviceRecord withTask(Task t) {
        List<Task> tasks = new ArrayList<>(pendingTasks);
        tasks.add(t);
        return new DeviceRecord(deviceId, cwmpNamespace, lastInform, lastContact, parameters, tasks, results);
    }

    /** The record with {@code t} queued before every other task. */
    DeviceRecord withTaskFirst(Task t) {
        List<Task> tasks = new ArrayList<>();
        tasks.add(t);
        tasks.addAll(pendingTasks);
        return new DeviceRecord(deviceId, cwmpNamespace, lastInform, lastContact, parameters, tasks, results);
    }

    DeviceRecord withResult(TaskResult r, boolean removeTask) {
        List<Task> tasks = new ArrayList<>(pendingTasks);
        if (removeTask) {
            tasks.removeIf(t -> t.taskId().equals(r.taskId()));
        }
        List<TaskResult> res = new ArrayList<>(results);
        res.add(r);
        return new DeviceRecord(deviceId, cwmpNamespace, lastInform, lastContact, parameters, tasks, res);
    }

    private static Map<String, ParameterValueStruct> learn(Map<String, ParameterValueStruct> known,
                                                           List<ParameterValueStruct> values) {
        Map<String, ParameterValueStruct> m = new TreeMap<>(known);
        for (ParameterValueStruct v : values) {
            // Passwords read back as "": keep what we set rather than forget it.
            if (v.value().isEmpty() && v.name().endsWith("Password") && m.containsKey(v.name())) {
                continue;
            }
            m.put(v.name(), v);
        }
        return m;
    }
}
