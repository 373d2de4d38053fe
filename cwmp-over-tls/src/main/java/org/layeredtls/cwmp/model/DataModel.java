package org.layeredtls.cwmp.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpFaultException;
import org.layeredtls.cwmp.rpc.FaultCode;
import org.layeredtls.cwmp.rpc.ParameterAttributeStruct;
import org.layeredtls.cwmp.rpc.ParameterInfoStruct;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterAttributesStruct;
import org.layeredtls.cwmp.rpc.SetParameterValuesFault;

/**
 * A CPE data model: one root ({@code Device.} for TR-181, {@code InternetGatewayDevice.} for TR-098), objects
 * (names ending in "."), parameters, and multi-instance tables whose instances AddObject and DeleteObject create
 * and remove. The RPC semantics of TR-069 §A.3.2 live here: each method either answers or throws a
 * {@link CwmpFaultException} carrying the fault to send. Thread-safe (every method synchronised).
 */
public final class DataModel {
    /** TR-181 root. */
    public static final String DEVICE = "Device.";
    /** TR-098 root. */
    public static final String INTERNET_GATEWAY_DEVICE = "InternetGatewayDevice.";

    final String root;
    final TreeMap<String, Parameter> parameters = new TreeMap<>();
    final TreeSet<String> objects = new TreeSet<>();
    /** Multi-instance tables by path (e.g. {@code Device.NAT.PortMapping.}), with their instance template. */
    final TreeMap<String, Table> tables = new TreeMap<>();
    /** Parameters with notification on whose value changed locally since the last delivered Inform. */
    final TreeSet<String> valueChanged = new TreeSet<>();
    private Runnable activeChangeListener = () -> { };

    /** A table: writable means the ACS may AddObject/DeleteObject; template names are relative. */
    record Table(String path, boolean writable, List<Parameter> template, long nextInstance) {
        Table {
            template = List.copyOf(template);
        }
    }

    /** An empty model with the given root ({@link #DEVICE} or {@link #INTERNET_GATEWAY_DEVICE}). */
    public DataModel(String root) {
        if (!root.equals(DEVICE) && !root.equals(INTERNET_GATEWAY_DEVICE)) {
            throw new IllegalArgumentException("root must be Device. or InternetGatewayDevice.: " + root);
        }
        this.root = root;
        objects.add(root);
    }

    /** {@code Device.} or {@code InternetGatewayDevice.}. */
    public String root() {
        return root;
    }

    // ---- building ----

    /** Defines a parameter (and its parent objects). */
    public synchronized DataModel define(String name, ParameterType type, boolean writable, String value) {
        return define(new Parameter(name, type, writable, value, 0, List.of(), false, false));
    }

    /** Defines a parameter with all its attributes (and its parent objects). */
    public synchronized DataModel define(Parameter p) {
        if (!p.name().startsWith(root) || p.name().endsWith(".")) {
            throw new IllegalArgumentException("not a parameter name under " + root + ": " + p.name());
        }
        if (!p.type().accepts(p.value())) {
            throw new IllegalArgumentException("value " + p.value() + " is not a " + p.type());
        }
        addParents(p.name());
        parameters.put(p.name(), p.withValue(p.type().canonical(p.value())));
        return this;
    }

    /** Defines a multi-instance table with the parameters each new instance gets (names relative). */
    public synchronized DataModel defineTable(String path, boolean writable, List<Parameter> template) {
        if (!path.startsWith(root) || !path.endsWith(".")) {
            throw new IllegalArgumentException("not an object path: " + path);
        }
        addParents(path.substring(0, path.length() - 1));
        objects.add(path);
        tables.put(path, new Table(path, writable, template, 1));
        return this;
    }

    private void addParents(String name) {
        for (int i = name.indexOf('.'); i >= 0 && i < name.length() - 1; i = name.indexOf('.', i + 1)) {
            objects.add(name.substring(0, i + 1));
        }
    }

    /** Called (outside any lock) whenever a parameter with active notification changes locally. */
    public synchronized void onActiveValueChange(Runnable listener) {
        this.activeChangeListener = listener == null ? () -> { } : listener;
    }

    // ---- local access (the device itself, the demo) ----

    /** The parameter, if it exists. */
    public synchronized Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** The parameter's value, if it exists. */
    public synchronized Optional<String> value(String name) {
        return parameter(name).map(Parameter::value);
    }

    /** The value of {@code <root><relativeName>}, or "" when absent. */
    public synchronized String valueOf(String relativeName) {
        return value(root + relativeName).orElse("");
    }

    /** All parameter names, sorted. */
    public synchronized List<String> parameterNames() {
        return List.copyOf(parameters.keySet());
    }

    /** All object names (ending in "."), sorted. */
    public synchronized List<String> objectNames() {
        return List.copyOf(objects);
    }

    /**
     * A local change (by the device, not the ACS): no writability check; a changed value of a parameter with
     * notification on is remembered for the next Inform, and an active one fires the listener (TR-069 §3.2.1).
     *
     * @throws IllegalArgumentException for an unknown parameter or a value not of its type
     */
    public void setLocal(String name, String value) {
        boolean active;
        synchronized (this) {
            Parameter p = parameters.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no such parameter: " + name);
            }
            if (!p.type().accepts(value)) {
                throw new IllegalArgumentException("value " + value + " is not a " + p.type());
            }
            String v = p.type().canonical(value);
            if (v.equals(p.value())) {
                return;
            }
            parameters.put(name, p.withValue(v));
            if (p.notification() > 0) {
                valueChanged.add(name);
            }
            active = p.notification() == 2;
        }
        if (active) {
            activeChangeListener.run();
        }
    }

    /** The ParameterKey: what the ACS last set with a successful SetParameterValues/AddObject/DeleteObject. */
    public synchronized String parameterKey() {
        return valueOf("ManagementServer.ParameterKey");
    }

    // ---- Inform ----

    /** TR-069 §3.7.1.1 / TR-098 / TR-181: the parameters every Inform carries. */
    public List<String> forcedInformParameters() {
        String m = root + "ManagementServer.";
        if (root.equals(DEVICE)) {
            return List.of(root + "RootDataModelVersion", root + "DeviceInfo.HardwareVersion",
                    root + "DeviceInfo.SoftwareVersion", root + "DeviceInfo.ProvisioningCode", m + "ParameterKey",
                    m + "ConnectionRequestURL", m + "AliasBasedAddressing");
        }
        return List.of(root + "DeviceSummary", root + "DeviceInfo.SpecVersion", root + "DeviceInfo.HardwareVersion",
                root + "DeviceInfo.SoftwareVersion", root + "DeviceInfo.ProvisioningCode", m + "ParameterKey",
                m + "ConnectionRequestURL",
                root + "WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress");
    }

    /** The Inform's ParameterList: the forced parameters present, then those whose value changed (passive/active). */
    public synchronized List<ParameterValueStruct> informParameters() {
        Set<String> names = new LinkedHashSet<>();
        for (String n : forcedInformParameters()) {
            if (parameters.containsKey(n)) {
                names.add(n);
            }
        }
        names.addAll(valueChanged);
        List<ParameterValueStruct> out = new ArrayList<>();
        for (String n : names) {
            Parameter p = parameters.get(n);
            if (p != null) {
                out.add(toValueStruct(p));
            }
        }
        return out;
    }

    /** The changed parameters reported so far are delivered (an InformResponse arrived). */
    public synchronized void clearValueChanges(List<String> delivered) {
        delivered.forEach(valueChanged::remove);
    }

    /** Names of parameters changed locally and not yet reported. */
    public synchronized List<String> pendingValueChanges() {
        return List.copyOf(valueChanged);
    }

    static ParameterValueStruct toValueStruct(Parameter p) {
        return new ParameterValueStruct(p.name(), p.secret() ? "" : p.value(), p.type().xsdName());
    }

    // ---- persistence ----

    /** Replaces this model's whole content with another's (used when reloading after a reboot). */
    public synchronized void replaceContent(DataModel other) {
        if (!other.root.equals(root)) {
            throw new IllegalArgumentException("root differs: " + other.root);
        }
        synchronized (other) {
            parameters.clear();
            parameters.putAll(other.parameters);
            objects.clear();
            objects.addAll(other.objects);
            tables.clear();
            tables.putAll(other.tables);
            valueChanged.clear();
            valueChanged.addAll(other.valueChanged);
        }
    }

    /**
     * Restores a saved model over this one, the device's own definition (a restart, a reboot): the saved
     * values, attributes, tables and instances win, with two exceptions. What this model defines and the save
     * lacks is added (a newer software version defines more, e.g. a DeviceInfo object grown since). And the
     * read-only parameters of {@code DeviceInfo.} keep this model's values, with the saved attributes: the
     * device describes itself (its identity from its certificate, its software version), the file does not.
     */
    public synchronized void restoreSaved(DataModel saved) {
        TreeMap<String, Parameter> device = new TreeMap<>(parameters);
        TreeMap<String, Table> deviceTables = new TreeMap<>(tables);
        replaceContent(saved);
        String deviceInfo = root + "DeviceInfo.";
        device.forEach((name, own) -> {
            Parameter kept = parameters.get(name);
            if (kept == null) {
                addParents(name);
                parameters.put(name, own);
            } else if (name.startsWith(deviceInfo) && !own.writable()) {
                parameters.put(name, kept.withValue(own.value()));
            }
        });
        deviceTables.forEach((path, table) -> {
            if (!tables.containsKey(path)) {
                objects.add(path);
                tables.put(path, table);
            }
        });
    }

    /** The model as {@link StateFile} lines (see {@link ModelFile}). */
    public synchronized List<String> toLines() {
        return ModelFile.toLines(this);
    }

    /** A model from {@link StateFile} lines; lines with other tags are ignored. */
    public static DataModel fromLines(List<String> lines) {
        return ModelFile.fromLines(lines);
    }

    // ---- RPCs (TR-069 §A.3.2) ----

    /** GetParameterNames. */
    public synchronized List<ParameterInfoStruct> getParameterNames(String path, boolean nextLevel)
            throws CwmpFaultException {
        return ParameterAccess.getParameterNames(this, path, nextLevel);
    }

    /** GetParameterValues: full names or partial paths; an unknown name is 9005. */
    public synchronized List<ParameterValueStruct> getParameterValues(List<String> names) throws CwmpFaultException {
        return ParameterAccess.getParameterValues(this, names);
    }

    /** SetParameterValues, all or nothing; returns Status 0. A failure is 9003 with per-parameter faults. */
    public synchronized int setParameterValues(List<ParameterValueStruct> list, String parameterKey)
            throws CwmpFaultException {
        return ParameterAccess.setParameterValues(this, list, parameterKey);
    }

    /** GetParameterAttributes. */
    public synchronized List<ParameterAttributeStruct> getParameterAttributes(List<String> names)
            throws CwmpFaultException {
        return ParameterAccess.getParameterAttributes(this, names);
    }

    /** SetParameterAttributes, all or nothing. */
    public synchronized void setParameterAttributes(List<SetParameterAttributesStruct> list)
            throws CwmpFaultException {
        ParameterAccess.setParameterAttributes(this, list);
    }

    /** AddObject on a writable table; returns the new instance number. */
    public synchronized long addObject(String objectName, String parameterKey) throws CwmpFaultException {
        return ParameterAccess.addObject(this, objectName, parameterKey);
    }

    /** DeleteObject of an instance of a writable table. */
    public synchronized void deleteObject(String objectName, String parameterKey) throws CwmpFaultException {
        ParameterAccess.deleteObject(this, objectName, parameterKey);
    }

    static CwmpFaultException fault(FaultCode code, String why) {
        return CwmpFault.of(code, code.description() + ": " + why).asException();
    }

    static CwmpFaultException spvFault(List<SetParameterValuesFault> faults) {
        return new CwmpFault(FaultCode.INVALID_ARGUMENTS.code(), FaultCode.INVALID_ARGUMENTS.description(), faults)
                .asException();
    }

    /** Package view for the codec classes. */
    Map<String, Parameter> params() {
        return parameters;
    }
}
