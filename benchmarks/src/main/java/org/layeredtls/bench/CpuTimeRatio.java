package org.layeredtls.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.layeredtls.alert.TlsAlertException;

/**
 * A cross-check of {@link RecordProtectionBenchmark}'s record/bare ratios that holds on a loaded
 * machine: it times the same four operations by this thread's <em>CPU</em> time (so time the
 * scheduler gives to other processes does not count), and interleaves record and bare in short
 * rounds (so a change of load hits both alike), then reports the median ratio over the rounds.
 * It is no substitute for JMH's throughput figures, only for their ratios.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.layeredtls.bench.CpuTimeRatio [rounds [scheme-name-part]]
 * </pre>
 */
public final class CpuTimeRatio {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SLICE_NANOS = 40_000_000L;
    private static volatile int sink;

    private CpuTimeRatio() {
    }

    private interface Op {
        int run() throws TlsAlertException;
    }

    public static void main(String[] args) throws TlsAlertException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        System.out.println("| scheme | size | record seal MB/s (CPU) | bare seal MB/s (CPU) | seal ratio | "
                + "record open MB/s (CPU) | bare open MB/s (CPU) | open ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        String only = args.length > 1 ? args[1] : "";
        for (Scheme scheme : Scheme.values()) {
            if (!scheme.name().contains(only)) {
                continue;
            }
            for (int size : new int[] {1024, 16384}) {
                RecordProtectionBenchmark b = new RecordProtectionBenchmark();
                b.scheme = scheme;
                b.size = size;
                b.setUp();
                Op[] ops = {b::recordSeal, b::bareSeal, b::recordOpen, b::bareOpen};
                int batch = Math.max(1, 4_000_000 / size);
                for (Op op : ops) { // warm-up: well past C2 compilation
                    long end = System.nanoTime() + 1_500_000_000L;
                    while (System.nanoTime() < end) {
                        time(op, batch);
                    }
                }
                double[][] nanosPerOp = new double[4][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < 4; k++) {
                        int i = (k + r) % 4; // rotate the order so no operation always runs first
                        nanosPerOp[i][r] = slice(ops[i], batch);
                    }
                }
                double[] sealRatio = new double[rounds];
                double[] openRatio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    sealRatio[r] = nanosPerOp[1][r] / nanosPerOp[0][r];
                    openRatio[r] = nanosPerOp[3][r] / nanosPerOp[2][r];
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.3f | %.1f | %.1f | %.3f |%n",
                        scheme, size, mbps(size, median(nanosPerOp[0])), mbps(size, median(nanosPerOp[1])),
                        median(sealRatio), mbps(size, median(nanosPerOp[2])), mbps(size, median(nanosPerOp[3])),
                        median(openRatio));
            }
        }
    }

    /** CPU nanoseconds per operation over about {@link #SLICE_NANOS} of CPU time. */
    private static double slice(Op op, int batch) throws TlsAlertException {
        long spent = 0;
        long count = 0;
        while (spent < SLICE_NANOS) {
            spent += time(op, batch);
            count += batch;
        }
        return (double) spent / count;
    }

    private static long time(Op op, int batch) throws TlsAlertException {
        int acc = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
            acc += op.run();
        }
        long spent = THREADS.getCurrentThreadCpuTime() - start;
        sink += acc;
        return spent;
    }

    private static double mbps(int size, double nanosPerOp) {
        return size / nanosPerOp * 1e3;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
