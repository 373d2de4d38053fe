package org.layeredtls.cwmp.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data model's file format: {@link StateFile} lines (TAB-separated, backslash-escaped), one record each:
 * <pre>
 * root      &lt;Device. | InternetGatewayDevice.&gt;
 * object    &lt;path.&gt;
 * table     &lt;path.&gt;  &lt;w|r&gt;  &lt;next instance number&gt;
 * template  &lt;table path.&gt;  &lt;relative name&gt;  &lt;type&gt;  &lt;w|r&gt;  &lt;notification&gt;  &lt;flags&gt;  &lt;access list&gt;  &lt;value&gt;
 * param     &lt;name&gt;  &lt;type&gt;  &lt;w|r&gt;  &lt;notification&gt;  &lt;flags&gt;  &lt;access list&gt;  &lt;value&gt;
 * changed   &lt;name&gt;      (a value change not yet reported in an Inform)
 * </pre>
 * {@code type} is the xsd name; {@code flags} holds {@code s} (secret: reads as "") and {@code d} (active
 * notification denied); the access list is comma-separated. The {@code root} line comes first; unknown tags are
 * ignored, so other components (the CPE agent) keep their own records in the same file.
 */
public final class ModelFile {

    private ModelFile() {
    }

    /** Saves the model atomically. */
    public static void save(DataModel m, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# LayeredTLS CWMP data model (format 1)");
        lines.addAll(m.toLines());
        StateFile.writeAtomically(file, lines);
    }

    /** Loads a model saved by {@link #save}. */
    public static DataModel load(Path file) throws IOException {
        return fromLines(StateFile.read(file));
    }

    static List<String> toLines(DataModel m) {
        List<String> out = new ArrayList<>();
        out.add(StateFile.line("root", m.root));
        for (String o : m.objects) {
            out.add(StateFile.line("object", o));
        }
        for (DataModel.Table t : m.tables.values()) {
            out.add(StateFile.line("table", t.path(), t.writable() ? "w" : "r", Long.toString(t.nextInstance())));
            for (Parameter p : t.template()) {
                List<String> f = new ArrayList<>(List.of("template", t.path()));
                f.addAll(paramFields(p));
                out.add(StateFile.line(f.toArray(String[]::new)));
            }
        }
        for (Parameter p : m.parameters.values()) {
            List<String> f = new ArrayList<>(List.of("param"));
            f.addAll(paramFields(p));
            out.add(StateFile.line(f.toArray(String[]::new)));
        }
        for (String c : m.valueChanged) {
            out.add(StateFile.line("changed", c));
        }
        return out;
    }

    private static List<String> paramFields(Parameter p) {
        String flags = (p.secret() ? "s" : "") + (p.activeNotificationDenied() ? "d" : "");
        return List.of(p.name(), p.type().xsdName(), p.writable() ? "w" : "r", Integer.toString(p.notification()),
                flags, String.join(",", p.accessList()), p.value());
    }

    private static Parameter parseParam(List<String> f, int from) {
        if (f.size() < from + 7) {
            throw new IllegalArgumentException("short parameter record: " + f);
        }
        String acl = f.get(from + 5);
        return new Parameter(f.get(from), ParameterType.fromXsd(f.get(from + 1))
                .orElseThrow(() -> new IllegalArgumentException("unknown type " + f.get(from + 1))),
                f.get(from + 2).equals("w"), f.get(from + 6), Integer.parseInt(f.get(from + 3)),
                acl.isEmpty() ? List.of() : Arrays.asList(acl.split(",")), f.get(from + 4).contains("s"),
                f.get(from + 4).contains("d"));
    }

    static DataModel fromLines(List<String> lines) {
        DataModel m = null;
        for (String line : lines) {
            List<String> f = StateFile.fields(line);
            String tag = f.get(0);
            if (tag.equals("root")) {
                m = new DataModel(f.get(1));
                continue;
            }
            if (m == null) {
                if (List.of("object", "table", "template", "param", "changed").contains(tag)) {
                    throw new IllegalArgumentException("model record before the root line: " + line);
                }
                continue;
            }
            switch (tag) {
                case "object" -> m.objects.add(f.get(1));
                case "table" -> m.tables.put(f.get(1),
                        new DataModel.Table(f.get(1), f.get(2).equals("w"), List.of(), Long.parseLong(f.get(3))));
                case "template" -> {
                    DataModel.Table t = m.tables.get(f.get(1));
                    if (t == null) {
                        throw new IllegalArgumentException("template before its table: " + line);
                    }
                    List<Parameter> tpl = new ArrayList<>(t.template());
                    tpl.add(parseParam(f, 2));
                    m.tables.put(t.path(), new DataModel.Table(t.path(), t.writable(), tpl, t.nextInstance()));
                }
                case "param" -> {
                    Parameter p = parseParam(f, 1);
                    m.parameters.put(p.name(), p);
                }
                case "changed" -> m.valueChanged.add(f.get(1));
                default -> { } // another component's record
            }
        }
        if (m == null) {
            throw new IllegalArgumentException("no root line");
        }
        return m;
    }
}
