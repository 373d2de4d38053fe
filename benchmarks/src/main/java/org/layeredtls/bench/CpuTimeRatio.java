package org.layeredtls.bench;

import java.util.Locale;

import org.layeredtls.bench.CpuTimeRounds.Operation;

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


    private CpuTimeRatio() {
    }

    public static void main(String[] args) throws Exception {
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
                Operation[] ops = {b::recordSeal, b::bareSeal, b::recordOpen, b::bareOpen};
                int batch = Math.max(1, 4_000_000 / size);
                for (Operation op : ops) { // warm-up: well past C2 compilation
                    long end = System.nanoTime() + 1_500_000_000L;
                    while (System.nanoTime() < end) {
                        CpuTimeRounds.time(op, batch);
                    }
                }
                double[][] nanosPerOp = CpuTimeRounds.nanosPerOperation(ops, rounds, batch);
                double[] sealRatio = new double[rounds];
                double[] openRatio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    sealRatio[r] = nanosPerOp[1][r] / nanosPerOp[0][r];
                    openRatio[r] = nanosPerOp[3][r] / nanosPerOp[2][r];
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.3f | %.1f | %.1f | %.3f |%n",
                        scheme, size, mbps(size, CpuTimeRounds.median(nanosPerOp[0])), mbps(size, CpuTimeRounds.median(nanosPerOp[1])),
                        CpuTimeRounds.median(sealRatio), mbps(size, CpuTimeRounds.median(nanosPerOp[2])), mbps(size, CpuTimeRounds.median(nanosPerOp[3])),
                        CpuTimeRounds.median(openRatio));
            }
        }
    }

    private static double mbps(int size, double nanosPerOp) {
        return size / nanosPerOp * 1e3;
    }
}
