package org.layeredtls.cwmp.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layeredtls.cwmp.rpc.CwmpFaultException;
import org.layeredtls.cwmp.rpc.FaultCode;
import org.layeredtls.cwmp.rpc.ParameterAttributeStruct;
import org.layeredtls.cwmp.rpc.ParameterInfoStruct;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterAttributesStruct;
import org.layeredtls.cwmp.rpc.SetParameterValuesFault;

/** The TR-069 §A.3.2 method semantics over a {@link DataModel}; callers hold the model's lock. */
final class ParameterAccess {

    private ParameterAccess() {
    }

    // TR-069 §A.3.2.3: "" is the whole tree; a partial path ends in "."; NextLevel lists only the children.
    static List<ParameterInfoStruct> getParameterNames(DataModel m, String path, boolean nextLevel)
            throws CwmpFaultException {
        List<ParameterInfoStruct> out = new ArrayList<>();
        if (!path.isEmpty() && !path.endsWith(".")) {
            Parameter p = m.parameters.get(path);
            if (p == null) {
                throw DataModel.fault(FaultCode.INVALID_PARAMETER_NAME, path);
            }
            if (nextLevel) { // a full parameter name with NextLevel true is invalid
                throw DataModel.fault(FaultCode.INVALID_ARGUMENTS, "NextLevel true with a parameter name");
            }
            out.add(new ParameterInfoStruct(p.name(), p.writable()));
            return out;
        }
        if (path.isEmpty() && nextLevel) {
            out.add(objectInfo(m, m.root));
            return out;
        }
        String base = path.isEmpty() ? m.root : path;
        if (!m.objects.contains(base)) {
            throw DataModel.fault(FaultCode.INVALID_PARAMETER_NAME, path);
        }
        // Merge objects and parameters in name order.
        java.util.TreeMap<String, ParameterInfoStruct> all = new java.util.TreeMap<>();
        for (String o : m.objects.tailSet(base, true)) {
            if (!o.startsWith(base)) {
                break;
            }
            if (o.equals(base) ? !nextLevel : (!nextLevel || isChild(base, o))) {
                all.put(o, objectInfo(m, o));
            }
        }
        for (Parameter p : m.parameters.tailMap(base, true).values()) {
            if (!p.name().startsWith(base)) {
                break;
            }
            if (!nextLevel || isChild(base, p.name())) {
                all.put(p.name(), new ParameterInfoStruct(p.name(), p.writable()));
            }
        }
        out.addAll(all.values());
        return out;
    }

    private static boolean isChild(String base, String name) {
        String rest = name.substring(base.length());
        int dot = rest.indexOf('.');
        return dot < 0 || dot == rest.length() - 1;
    }

    /** An object is writable when the ACS may add instances to it (a table) or delete it (an instance). */
    private static ParameterInfoStruct objectInfo(DataModel m, String o) {
        DataModel.Table t = m.tables.get(o);
        boolean writable = t != null ? t.writable() : tableOfInstance(m, o).map(DataModel.Table::writable).orElse(false);
        return new ParameterInfoStruct(o, writable);
    }

    private static Optional<DataModel.Table> tableOfInstance(DataModel m, String o) {
        String trimmed = o.substring(0, o.length() - 1);
        int dot = trimmed.lastIndexOf('.');
        if (dot < 0 || !trimmed.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.ofNullable(m.tables.get(trimmed.substring(0, dot + 1)));
    }

    /** Full names and partial paths to the parameters they denote; unknown → 9005. */
    private static List<Parameter> resolve(DataModel m, String name) throws CwmpFaultException {
        List<Parameter> out = new ArrayList<>();
        if (!name.isEmpty() && !name.endsWith(".")) {
            Parameter p = m.parameters.get(name);
            if (p == null) {
                throw DataModel.fault(FaultCode.INVALID_PARAMETER_NAME, name);
            }
            out.add(p);
            return out;
        }
        String base = name.isEmpty() ? m.root : name;
        if (!m.objects.contains(base)) {
            throw DataModel.fault(FaultCode.INVALID_PARAMETER_NAME, name);
        }
        for (Parameter p : m.parameters.tailMap(base, true).values()) {
            if (!p.name().startsWith(base)) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    static List<ParameterValueStruct> getParameterValues(DataModel m, List<String> names) throws CwmpFaultException {
        List<ParameterValueStruct> out = new ArrayList<>();
        for (String n : names) {
            for (Parameter p : resolve(m, n)) {
                out.add(DataModel.toValueStruct(p));
            }
        }
        return out;
    }

    // TR-069 §A.3.2.1: all or nothing; 9003 carrying one SetParameterValuesFault per bad parameter.
    static int setParameterValues(DataModel m, List<ParameterValueStruct> list, String parameterKey)
            throws CwmpFaultException {
        List<SetParameterValuesFault> faults = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> updates = new LinkedHashMap<>();
        for (ParameterValueStruct v : list) {
            if (!seen.add(v.name())) {
                throw DataModel.fault(FaultCode.INVALID_ARGUMENTS, "parameter given twice: " + v.name());
            }
            Parameter p = m.parameters.get(v.name());
            FaultCode f = null;
            if (p == null) {
                f = FaultCode.INVALID_PARAMETER_NAME;
            } else if (!p.writable()) {
                f = FaultCode.NON_WRITABLE_PARAMETER;
            } else if (!typeCompatible(p.type(), v)) {
                f = FaultCode.INVALID_PARAMETER_TYPE;
            } else if (!p.type().accepts(v.value())) {
                f = FaultCode.INVALID_PARAMETER_VALUE;
            }
            if (f != null) {
                faults.add(new SetParameterValuesFault(v.name(), f.code(), f.description()));
            } else {
                updates.put(v.name(), p.type().canonical(v.value()));
            }
        }
        if (!faults.isEmpty()) {
            throw DataModel.spvFault(faults);
        }
        // Changes made by the ACS itself are not notified back to it (TR-069 §3.2.1).
        updates.forEach((n, val) -> {
            m.parameters.put(n, m.parameters.get(n).withValue(val));
            m.valueChanged.remove(n);
        });
        setParameterKey(m, parameterKey);
        return 0;
    }

    /** The declared xsi:type must be the parameter's; xsd:string is accepted for any type when the text parses. */
    private static boolean typeCompatible(ParameterType t, ParameterValueStruct v) {
        Optional<ParameterType> given = ParameterType.fromXsd(v.type());
        return given.isPresent() && (given.get() == t || given.get() == ParameterType.STRING);
    }

    private static void setParameterKey(DataModel m, String key) {
        String name = m.root + "ManagementServer.ParameterKey";
        Parameter p = m.parameters.get(name);
        if (p != null) {
            m.parameters.put(name, p.withValue(key == null ? "" : key));
        }
    }

    static List<ParameterAttributeStruct> getParameterAttributes(DataModel m, List<String> names)
            throws CwmpFaultException {
        List<ParameterAttributeStruct> out = new ArrayList<>();
        for (String n : names) {
            for (Parameter p : resolve(m, n)) {
                out.add(new ParameterAttributeStruct(p.name(), p.notification(), p.accessList()));
            }
        }
        return out;
    }

    // TR-069 §A.3.2.4: Notification 0..2; active notification may be refused (9009); applied all or nothing.
    static void setParameterAttributes(DataModel m, List<SetParameterAttributesStruct> list)
            throws CwmpFaultException {
        Map<String, Parameter> updates = new HashMap<>();
        for (SetParameterAttributesStruct s : list) {
            if (s.notificationChange() && (s.notification() < 0 || s.notification() > 2)) {
                throw DataModel.fault(FaultCode.INVALID_ARGUMENTS, "Notification " + s.notification());
            }
            for (String a : s.accessList()) {
                if (!a.equals("Subscriber")) {
                    throw DataModel.fault(FaultCode.INVALID_ARGUMENTS, "AccessList entry " + a);
                }
            }
            for (Parameter p : resolve(m, s.name())) {
                Parameter q = updates.getOrDefault(p.name(), p);
                if (s.notificationChange()) {
                    if (s.notification() == 2 && q.activeNotificationDenied()) {
                        throw DataModel.fault(FaultCode.NOTIFICATION_REQUEST_REJECTED, p.name());
                    }
                    q = q.withNotification(s.notification());
                }
                if (s.accessListChange()) {
                    q = q.withAccessList(s.accessList());
                }
                updates.put(p.name(), q);
            }
        }
        m.parameters.putAll(updates);
    }

    // TR-069 §A.3.2.6: ObjectName is a table path ending in "."; the new instance gets the template's values.
    static long addObject(DataModel m, String objectName, String parameterKey) throws CwmpFaultException {
        DataModel.Table t = m.tables.get(objectName);
        if (t == null) {
            throw DataModel.fault(FaultCode.INVALID_PARAMETER_NAME, "not a table: " + objectName);
        }
        if (!t.writable()) {
            throw DataModel.fault(FaultCode.REQUEST_DENIED, "table not writable: " + objectName);
        }
        long n = t.nextInstance();
        String instance = objectName + n + ".";
        m.objects.add(instance);
        for (Parameter p : t.template()) {
            String full = instance + p.name();
            int dot = full.lastIndexOf('.');
            m.objects.add(full.substring(0, dot + 1));
            m.parameters.put(full, p.renamed(full));
        }
        m.tables.put(objectName, new DataModel.Table(t.path(), t.writable(), t.template(), n + 1));
        setParameterKey(m, parameterKey);
        return n;
    }

    // TR-069 §A.3.2.7: ObjectName is an instance path "Table.n."; everything under it goes.
    static void deleteObject(DataModel m, String objectName, String parameterKey) throws CwmpFaultException {
        if (!objectName.endsWith(".") || !m.objects.contains(objectName)) {
            throw DataModel.fault(FaultCode.INVALID_PARAMETER_NAME, objectName);
        }
        DataModel.Table t = tableOfInstance(m, objectName)
                .orElseThrow(() -> DataModel.fault(FaultCode.INVALID_PARAMETER_NAME, "not an instance: " + objectName));
        if (!t.writable()) {
            throw DataModel.fault(FaultCode.REQUEST_DENIED, "table not writable: " + t.path());
        }
        m.objects.removeIf(o -> o.startsWith(objectName));
        m.parameters.keySet().removeIf(p -> p.startsWith(objectName));
        m.valueChanged.removeIf(p -> p.startsWith(objectName));
        setParameterKey(m, parameterKey);
    }
}
