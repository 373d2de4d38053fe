package org.layeredtls.cwmp.acs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.layeredtls.cwmp.model.StateFile;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.CwmpRequest;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.Inform;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.Rpc;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;
import org.layeredtls.cwmp.soap.XmlReader;
import org.layeredtls.cwmp.soap.XmlWriter;

/**
 * A {@link DeviceStore} with one XML file per device in a directory, written atomically (temp file + move).
 * The file reuses the CWMP wire encoding for everything it holds:
 * <pre>
 * &lt;device id="OUI-ProductClass-SerialNumber" namespace="urn:dslforum-org:cwmp-1-0" lastContact="..."&gt;
 *   &lt;lastInform&gt;&lt;cwmp:Inform&gt;...&lt;/cwmp:Inform&gt;&lt;/lastInform&gt;
 *   &lt;parameters&gt;&lt;cwmp:GetParameterValuesResponse&gt;(the learnt values)&lt;/...&gt;&lt;/parameters&gt;
 *   &lt;tasks&gt;&lt;task id="..." created="..."&gt;&lt;cwmp:GetParameterValues&gt;...&lt;/task&gt;&lt;/tasks&gt;
 *   &lt;results&gt;&lt;result id="..." completed="..."&gt;&lt;request&gt;...&lt;/request&gt;&lt;response&gt;...&lt;/response&gt;&lt;/result&gt;&lt;/results&gt;
 * &lt;/device&gt;
 * </pre>
 * The file name is the device id with every character outside {@code [A-Za-z0-9._-]} written as {@code %XX}.
 *
 * <p>Thread-safe without a lock of its own: each save replaces its file with one atomic rename, so a load (or
 * a listing) reads a whole old or a whole new record, and devices' files do not touch one another. Whoever
 * reads, changes and saves one record serialises that ({@link AcsEngine} does, per device).
 *
 * <p>The records are kept in memory as well, written through: a load reads and parses a device's file only the
 * first time (an ACS loads a record about eight times per session, and parsing it cost as much as writing
 * it). The store owns its directory: a file changed behind its back while it runs is not seen.
 */
public final class FileDeviceStore implements DeviceStore {
    private final Path directory;
    private final Map<String, DeviceRecord> records = new java.util.concurrent.ConcurrentHashMap<>();

    /** A store in {@code directory} (created when missing). */
    public FileDeviceStore(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
    }

    @Override
    public Optional<DeviceRecord> load(String deviceId) throws IOException {
        DeviceRecord known = records.get(deviceId);
        if (known != null) {
            return Optional.of(known);
        }
        Path f = fileFor(deviceId);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        DeviceRecord r = read(f);
        records.putIfAbsent(deviceId, r); // a save meanwhile wins
        return Optional.of(records.get(deviceId));
    }

    @Override
    public void save(DeviceRecord r) throws IOException {
        StateFile.writeAtomically(fileFor(r.deviceId()), XmlWriter.write(toElement(r), r.cwmpNamespace()));
        records.put(r.deviceId(), r); // once on disk: a failed write leaves the old record in both places
    }

    @Override
    public List<String> deviceIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*.xml")) {
            for (Path p : ds) {
                ids.add(read(p).deviceId());
            }
        }
        ids.sort(null);
        return ids;
    }

    Path fileFor(String deviceId) {
        StringBuilder b = new StringBuilder();
        for (byte c : deviceId.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (c & 0xFF);
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
                    || ch == '_' || ch == '-') {
                b.append(ch);
            } else {
                b.append('%').append(String.format("%02X", c & 0xFF));
            }
        }
        if (b.length() == 0 || b.charAt(0) == '.') {
            b.insert(0, '_');
        }
        return directory.resolve(b + ".xml");
    }

    private static XmlElement toElement(DeviceRecord r) {
        List<XmlElement> parts = new ArrayList<>();
        if (r.lastInform() != null) {
            parts.add(XmlElement.of("lastInform", List.of(r.lastInform().encode())));
        }
        parts.add(XmlElement.of("parameters",
                List.of(new GetParameterValuesResponse(List.copyOf(r.parameters().values())).encode())));
        List<XmlElement> tasks = new ArrayList<>();
        for (Task t : r.pendingTasks()) {
            tasks.add(XmlElement.of("task", List.of(t.request().encode())).withAttribute(null, "id", t.taskId())
                    .withAttribute(null, "created", t.createdAt().toString()));
        }
        parts.add(XmlElement.of("tasks", tasks));
        List<XmlElement> results = new ArrayList<>();
        for (TaskResult res : r.results()) {
            results.add(XmlElement.of("result", List.of(
                            XmlElement.of("request", List.of(res.request().encode())),
                            XmlElement.of("response", List.of(res.response().encode()))))
                    .withAttribute(null, "id", res.taskId())
                    .withAttribute(null, "completed", res.completedAt().toString()));
        }
        parts.add(XmlElement.of("results", results));
        XmlElement d = XmlElement.of("device", parts).withAttribute(null, "id", r.deviceId())
                .withAttribute(null, "namespace", r.cwmpNamespace());
        return r.lastContact() == null ? d : d.withAttribute(null, "lastContact", r.lastContact().toString());
    }

    private static DeviceRecord read(Path f) throws IOException {
        try {
            XmlElement d = XmlReader.parse(Files.readAllBytes(f));
            String id = attr(d, "id");
            Inform inform = null;
            Optional<XmlElement> li = d.child("lastInform");
            if (li.isPresent() && !li.get().children().isEmpty()) {
                inform = Inform.decode(li.get().children().get(0));
            }
            Instant lastContact = d.attribute(null, "lastContact").map(Instant::parse).orElse(null);
            Map<String, ParameterValueStruct> params = new TreeMap<>();
            for (XmlElement p : d.child("parameters").map(XmlElement::children).orElse(List.of())) {
                for (ParameterValueStruct v : GetParameterValuesResponse.decode(p).parameterList()) {
                    params.put(v.name(), v);
                }
            }
            List<Task> tasks = new ArrayList<>();
            for (XmlElement t : d.child("tasks").map(XmlElement::children).orElse(List.of())) {
                tasks.add(new Task(attr(t, "id"), request(t.children().get(0)), Instant.parse(attr(t, "created"))));
            }
            List<TaskResult> results = new ArrayList<>();
            for (XmlElement r : d.child("results").map(XmlElement::children).orElse(List.of())) {
                CwmpRequest req = request(r.child("request").orElseThrow().children().get(0));
                CwmpMessage resp = Rpc.decode(r.child("response").orElseThrow().children().get(0));
                results.add(new TaskResult(attr(r, "id"), req, resp, Instant.parse(attr(r, "completed"))));
            }
            return new DeviceRecord(id, attr(d, "namespace"), inform, lastContact, params, tasks, results);
        } catch (CwmpException | RuntimeException e) {
            throw new IOException("corrupt device file " + f + ": " + e.getMessage(), e);
        }
    }

    private static CwmpRequest request(XmlElement e) throws CwmpException {
        if (Rpc.decode(e) instanceof CwmpRequest r) {
            return r;
        }
        throw new CwmpException(CwmpException.Kind.INVALID_ARGUMENTS, "not an ACS request: " + e.name());
    }

    private static String attr(XmlElement e, String name) throws CwmpException {
        return e.attribute(null, name).orElseThrow(() -> new CwmpException(CwmpException.Kind.INVALID_ARGUMENTS,
                "missing attribute " + name + " on " + e.name()));
    }
}
