package org.layeredtls.cwmp.admin;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.DeviceRecord;
import org.layeredtls.cwmp.acs.TaskResult;
import org.layeredtls.cwmp.rpc.CwmpRequest;

/**
 * The admin API's resources, with no HTTP in them (the {@link AdminServer} carries them):
 * <pre>
 * GET  /devices                                  every device: last Inform (time, events), counts
 * GET  /devices/{id}                             one device: parameters seen, pending tasks, results
 * GET  /devices/{id}/tasks                       its pending tasks and results
 * GET  /devices/{id}/tasks/{task}?wait=S         one task's result, waiting up to S seconds for it
 * POST /devices/{id}/tasks?wait=S                queue the JSON task in the body (see {@link TaskJson});
 *                                                a device with a ConnectionRequestURL is woken at once
 *                                                (&amp;connectionRequest=false: not); wait=S waits for the result
 * POST /devices/{id}/connection-request          wake the device now
 * </pre>
 * Answers: 200 (with the result), 202 (queued, no result yet), 400 (a bad task or query), 404, 405.
 */
public final class AdminApi {

    /** The longest an operator's request may wait for a device's answer. */
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** An answer: an HTTP status and a JSON body. */
    public record Reply(int status, JsonNode body) {
    }

    private final AcsEngine engine;
    private final ConnectionRequestSender connectionRequests;
    private final ObjectMapper mapper = new ObjectMapper();

    public AdminApi(AcsEngine engine, ConnectionRequestSender connectionRequests) {
        this.engine = engine;
        this.connectionRequests = connectionRequests;
    }

    /** One request: {@code method} on {@code requestUri} (path and query, as sent), with {@code body}. */
    public Reply handle(String method, String requestUri, byte[] body) {
        try {
            URI uri = URI.create(requestUri);
            List<String> path = segments(uri.getRawPath());
            Map<String, String> query = query(uri.getRawQuery());
            if (path.isEmpty()) {
                return only("GET", method, () -> new Reply(200, index()));
            }
            if (!path.get(0).equals("devices")) {
                return error(404, "no such resource: " + uri.getPath());
            }
            if (path.size() == 1) {
                return only("GET", method, this::devices);
            }
            String device = path.get(1);
            if (path.size() == 2) {
                return only("GET", method, () -> known(device).map(d -> new Reply(200, DeviceJson.full(d)))
                        .orElseGet(() -> unknown(device)));
            }
            if (path.size() == 3 && path.get(2).equals("tasks")) {
                if (method.equals("POST")) {
                    return queue(device, body, query);
                }
                return only("GET", method, () -> known(device).map(d -> new Reply(200, DeviceJson.tasks(d)))
                        .orElseGet(() -> unknown(device)));
            }
            if (path.size() == 4 && path.get(2).equals("tasks")) {
                return only("GET", method, () -> task(device, path.get(3), query));
            }
            if (path.size() == 3 && path.get(2).equals("connection-request")) {
                return only("POST", method, () -> new Reply(200, JSON.objectNode().put("device", device)
                        .set("connectionRequest", outcome(connectionRequests.send(device)))));
            }
            return error(404, "no such resource: " + uri.getPath());
        } catch (IllegalArgumentException | IOException e) {
            return error(400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        }
    }

    private interface Action {
        Reply run() throws IOException, InterruptedException;
    }

    private static Reply only(String allowed, String method, Action action) throws IOException, InterruptedException {
        return allowed.equals(method) ? action.run() : error(405, method + " not allowed here (" + allowed + " is)");
    }

    private static ObjectNode index() {
        ObjectNode json = JSON.objectNode().put("service", "LayeredTLS ACS admin API");
        var endpoints = json.putArray("endpoints");
        for (String e : List.of("GET /devices", "GET /devices/{id}", "GET /devices/{id}/tasks",
                "GET /devices/{id}/tasks/{task}?wait=SECONDS", "POST /devices/{id}/tasks?wait=SECONDS",
                "POST /devices/{id}/connection-request")) {
            endpoints.add(e);
        }
        return json;
    }

    private Reply devices() {
        ObjectNode json = JSON.objectNode();
        var list = json.putArray("devices");
        for (DeviceRecord d : engine.devices()) {
            list.add(DeviceJson.summary(d));
        }
        return new Reply(200, json);
    }

    private Reply queue(String device, byte[] body, Map<String, String> query) throws IOException, InterruptedException {
        CwmpRequest request = TaskJson.parse(mapper.readTree(body), engine.device(device));
        String taskId = engine.enqueue(device, request);
        ObjectNode json = JSON.objectNode().put("device", device).put("taskId", taskId);
        json.set("task", TaskJson.render(request));
        if (!"false".equals(query.get("connectionRequest"))) {
            json.set("connectionRequest", outcome(connectionRequests.send(device)));
        }
        return withResult(json, device, taskId, query);
    }

    private Reply task(String device, String taskId, Map<String, String> query) throws InterruptedException {
        Optional<DeviceRecord> d = known(device);
        if (d.isEmpty()) {
            return unknown(device);
        }
        boolean exists = d.get().pendingTasks().stream().anyMatch(t -> t.taskId().equals(taskId))
                || d.get().results().stream().anyMatch(r -> r.taskId().equals(taskId));
        if (!exists) {
            return error(404, "no task " + taskId + " for " + device);
        }
        return withResult(JSON.objectNode().put("device", device).put("taskId", taskId), device, taskId, query);
    }

    /** Adds the task's result (waiting up to the query's {@code wait} seconds): 200 with it, 202 without. */
    private Reply withResult(ObjectNode json, String device, String taskId, Map<String, String> query)
            throws InterruptedException {
        Duration wait = Duration.ofSeconds(Long.parseLong(query.getOrDefault("wait", "0")));
        if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("wait must be 0 to " + MAX_WAIT.toSeconds() + " seconds");
        }
        Optional<TaskResult> result = engine.awaitResult(device, taskId, wait);
        json.set("result", result.<JsonNode>map(ResultJson::result).orElse(JSON.nullNode()));
        return new Reply(result.isPresent() ? 200 : 202, json);
    }

    private static ObjectNode outcome(ConnectionRequestSender.Outcome o) {
        ObjectNode json = JSON.objectNode().put("url", o.url()).put("accepted", o.accepted());
        if (o.httpStatus() != 0) {
            json.put("httpStatus", o.httpStatus());
        }
        if (o.error() != null) {
            json.put("error", o.error());
        }
        return json;
    }

    private Optional<DeviceRecord> known(String device) {
        return engine.device(device);
    }

    private static Reply unknown(String device) {
        return error(404, "unknown device: " + device);
    }

    static Reply error(int status, String message) {
        return new Reply(status, JSON.objectNode().put("error", message));
    }

    /** The path's segments, each percent-decoded ('+' stays '+': this is a path, not a form). */
    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : (rawPath == null ? "" : rawPath).split("/")) {
            if (!s.isEmpty()) {
                out.add(URI.create("/" + s).getPath().substring(1));
            }
        }
        return out;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] nv = pair.split("=", 2);
                out.put(nv[0], nv.length > 1 ? java.net.URLDecoder.decode(nv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }
}
