package org.layeredtls.bench.idle;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import javax.management.ObjectName;

/**
 * The live-object class histogram of this JVM (the {@code GC.class_histogram} diagnostic command,
 * which runs a full GC first), as bytes per class name: taken before and after the connections are
 * opened, its difference says where a connection's heap goes.
 */
final class HeapHistogram {

    private final Map<String, Long> bytesByClass;

    private HeapHistogram(Map<String, Long> bytesByClass) {
        this.bytesByClass = bytesByClass;
    }

    static HeapHistogram take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            // "   1:         12345        678901  [B (java.base@17...)"
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                bytes.merge(fields[3], Long.parseLong(fields[2]), Long::sum);
            }
        }
        return new HeapHistogram(bytes);
    }

    /** The {@code top} classes that grew most from {@code before} to this one, as markdown rows per pair. */
    String growthSince(HeapHistogram before, int pairs, int top) {
        Map<String, Long> growth = new HashMap<>();
        bytesByClass.forEach((name, bytes) -> growth.put(name, bytes - before.bytesByClass.getOrDefault(name, 0L)));
        StringBuilder rows = new StringBuilder("| class | bytes per pair |\n|---|---:|\n");
        growth.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> rows.append("| `").append(e.getKey()).append("` | ")
                        .append(e.getValue() / pairs).append(" |\n"));
        long total = growth.values().stream().mapToLong(Long::longValue).sum();
        return rows.append("| all classes | ").append(total / pairs).append(" |\n").toString();
    }
}
