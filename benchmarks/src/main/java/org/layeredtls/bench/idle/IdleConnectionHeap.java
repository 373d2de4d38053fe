package org.layeredtls.bench.idle;

import java.io.Closeable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.record.ProtocolVersion;

/**
 * Heap per idle connection: for each stack, in one process and one run, opens {@code pairs}
 * client+server connection pairs on 127.0.0.1 (handshake, then one small exchange), runs a full GC
 * and measures the heap still in use (the {@link MemoryMXBean}'s used heap after {@code System.gc()},
 * minimum of several), against the same measure taken just before; the difference divided by the
 * pairs is what one idle pair retains. Then every socket is closed before the next stack.
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

    private IdleConnectionHeap() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int histogramRows = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        BenchmarkPki pki = new BenchmarkPki();
        System.out.printf(Locale.ROOT, "%s, %d pairs per stack, JDK %s, load average %.2f at start%n%n",
                Instant.now(), pairs, Runtime.version(), loadAverage());
        StringBuilder histograms = new StringBuilder();
        System.out.println("| stack | retained heap per idle pair (client+server) | per connection | time to open |");
        System.out.println("|---|---:|---:|---:|");
        List<ConnectionPairs> stacks = List.of(new PlainSocketPairs(),
                new LayeredTlsPairs(pki, CryptoBackend.BOUNCY_CASTLE), new EnginePairs(pki, CryptoBackend.BOUNCY_CASTLE),
                new LayeredTlsPairs(pki, CryptoBackend.JDK), new EnginePairs(pki, CryptoBackend.JDK),
                new LayeredTlsPairs(pki, CryptoBackend.BOUNCY_CASTLE, ProtocolVersion.TLS1_3),
                new LayeredTlsPairs(pki, CryptoBackend.JDK, ProtocolVersion.TLS1_3),
                // SunJSSE last: what a SunJSSE stack leaves behind is still being freed while the next stack is
                // measured (a LayeredTLS row right after it read -0.4 KB), so nothing of ours comes after it
                new SunJssePairs(pki, true), new SunJssePairs(pki, false));
        for (ConnectionPairs stack : stacks) {
            try (stack) {
                stack.openPair().close(); // warm up: classes loaded, caches filled, before the baseline
                long before = usedHeapAfterGc();
                // after the GCs above, so that what the last stack left to finalizers is gone from both
                HeapHistogram histogramBefore = histogramRows > 0 ? HeapHistogram.take() : null;
                long start = System.nanoTime();
                List<Closeable> open = new ArrayList<>(pairs);
                try {
                    for (int i = 0; i < pairs; i++) {
                        open.add(stack.openPair());
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long perPair = (usedHeapAfterGc() - before) / pairs;
                    System.out.printf(Locale.ROOT, "| %s | %,d B | %,d B | %.1f s |%n",
                            stack.name(), perPair, perPair / 2, seconds);
                    if (histogramRows > 0) {
                        histograms.append("\n").append(stack.name()).append(":\n\n")
                                .append(HeapHistogram.take().growthSince(histogramBefore, pairs, histogramRows));
                    }
                } finally {
                    for (Closeable pair : open) {
                        pair.close();
                    }
                }
            }
        }
        System.out.print(histograms);
        System.out.printf(Locale.ROOT, "%nload average %.2f at end, %s%n", loadAverage(), Instant.now());
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
