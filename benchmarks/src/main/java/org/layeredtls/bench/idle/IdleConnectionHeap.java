package org.layeredtls.bench.idle;

import java.io.Closeable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.record.ProtocolVersion;

/**
 * Heap per idle connection: for each stack, in a JVM of its own (started with this one's options and class
 * path, one stack after the other), opens {@code pairs} client+server connection pairs on 127.0.0.1
 * (handshake, then one small exchange), runs a full GC and measures the heap still in use (the
 * {@link MemoryMXBean}'s used heap after {@code System.gc()}, minimum of several), against the same measure taken
 * just before; the difference divided by the pairs is what one idle pair retains. Then every socket is closed.
 * A JVM per stack: in one shared JVM what a stack left behind (SunJSSE's session caches) was still being freed
 * while the next one was measured, and a row read from -0.4 to 31 KB depending on the row before it.
 * Not a JMH benchmark: JMH measures rates and allocation, not what stays live.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmx1g -cp benchmarks/target/benchmarks.jar \
 *     org.layeredtls.bench.idle.IdleConnectionHeap [pairs [histogram-rows]]
 * </pre>
 */
public final class IdleConnectionHeap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final int GC_ROUNDS = 5;
    private static final String ONE_STACK = "--stack=";
    private static final long STACK_TIMEOUT_MINUTES = 15;

    /** How to make one stack's pairs, in the JVM that measures it. */
    private interface Stack {
        ConnectionPairs create(BenchmarkPki pki) throws Exception;
    }

    /** The stacks, in the order of the table. */
    private static final List<Stack> STACKS = List.of(
            pki -> new PlainSocketPairs(),
            pki -> new LayeredTlsPairs(pki, CryptoBackend.BOUNCY_CASTLE),
            pki -> new EnginePairs(pki, CryptoBackend.BOUNCY_CASTLE),
            pki -> new LayeredTlsPairs(pki, CryptoBackend.JDK),
            pki -> new EnginePairs(pki, CryptoBackend.JDK),
            pki -> new LayeredTlsPairs(pki, CryptoBackend.BOUNCY_CASTLE, ProtocolVersion.TLS1_3),
            pki -> new LayeredTlsPairs(pki, CryptoBackend.JDK, ProtocolVersion.TLS1_3),
            pki -> new SunJssePairs(pki, true),
            pki -> new SunJssePairs(pki, false));

    private IdleConnectionHeap() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int histogramRows = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (args.length > 2 && args[2].startsWith(ONE_STACK)) {
            measure(STACKS.get(Integer.parseInt(args[2].substring(ONE_STACK.length()))), pairs, histogramRows);
            return;
        }
        System.out.printf(Locale.ROOT, "%s, %d pairs per stack, a JVM per stack, JDK %s, load average %.2f at start%n%n",
                Instant.now(), pairs, Runtime.version(), loadAverage());
        System.out.println("| stack | retained heap per idle pair (client+server) | per connection | time to open |");
        System.out.println("|---|---:|---:|---:|");
        StringBuilder histograms = new StringBuilder();
        for (int k = 0; k < STACKS.size(); k++) {
            List<String> lines = runStack(k, pairs, histogramRows);
            System.out.println(lines.get(0)); // the stack's row; the rest is its histogram
            for (String line : lines.subList(1, lines.size())) {
                histograms.append(line).append('\n');
            }
        }
        System.out.print(histograms);
        System.out.printf(Locale.ROOT, "%nload average %.2f at end, %s%n", loadAverage(), Instant.now());
    }

    /** Stack {@code k} measured in a JVM of its own, started as this one was; its standard output, line by line. */
    private static List<String> runStack(int k, int pairs, int histogramRows) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IdleConnectionHeap.class.getName(),
                Integer.toString(pairs), Integer.toString(histogramRows), ONE_STACK + k));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            child.getOutputStream().close();
            List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!child.waitFor(STACK_TIMEOUT_MINUTES, TimeUnit.MINUTES) || child.exitValue() != 0 || lines.isEmpty()) {
                throw new IllegalStateException("stack " + k + " failed: " + String.join("\n", lines));
            }
            return lines;
        } finally {
            child.destroyForcibly(); // its own handle; nothing if it has ended
        }
    }

    /** One stack in this JVM: its row, then (with histogram rows) the classes that grew. */
    private static void measure(Stack factory, int pairs, int histogramRows) throws Exception {
        try (ConnectionPairs stack = factory.create(new BenchmarkPki())) {
            stack.openPair().close(); // warm up: classes loaded, caches filled, before the baseline
            long before = usedHeapAfterGc();
            HeapHistogram histogramBefore = histogramRows > 0 ? HeapHistogram.take() : null;
            long start = System.nanoTime();
            List<Closeable> open = new ArrayList<>(pairs);
            try {
                for (int i = 0; i < pairs; i++) {
                    open.add(stack.openPair());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long perPair = (usedHeapAfterGc() - before) / pairs;
                System.out.printf(Locale.ROOT, "| %s | %,d B | %,d B | %.1f s |%n", stack.name(), perPair, perPair / 2, seconds);
                if (histogramRows > 0) {
                    System.out.print("\n" + stack.name() + ":\n\n"
                            + HeapHistogram.take().growthSince(histogramBefore, pairs, histogramRows));
                }
            } finally {
                for (Closeable pair : open) {
                    pair.close();
                }
            }
        }
    }

    /** The used heap after a full GC: the least of several, so that a GC left unfinished does not count. */
    private static long usedHeapAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            least = Math.min(least, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
