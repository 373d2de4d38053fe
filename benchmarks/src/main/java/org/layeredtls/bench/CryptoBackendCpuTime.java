package org.layeredtls.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link CryptoBackendBenchmark}'s operations timed by this thread's CPU time, the three stacks in
 * turns in short rounds (so a change of load on a shared machine hits them alike), the median over
 * the rounds: MB/s by CPU time per stack, and the ratios the targets are stated in
 * (LayeredTLS on the JDK backend over SunJSSE, and over LayeredTLS on BouncyCastle).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.layeredtls.bench.CryptoBackendCpuTime [rounds]
 * </pre>
 */
public final class CryptoBackendCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SLICE_NANOS = 40_000_000L;
    private static final long WARM_UP_CPU_NANOS = 2_000_000_000L;
    private static final int SIZE = 16384;
    private static volatile int sink;

    private CryptoBackendCpuTime() {
    }

    private interface Op {
        int run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.out.println("| cipher | op | LayeredTLS-BC MB/s | LayeredTLS-JDK MB/s | SunJSSE MB/s | JDK / SunJSSE | JDK / BC |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (CryptoBackendBenchmark.Cipher cipher : CryptoBackendBenchmark.Cipher.values()) {
            // one set of stacks per operation: a sealing-only run leaves SunJSSE's reader behind
            CryptoBackendBenchmark[] s = stacks(cipher);
            report(cipher + "", "seal", rounds, s[0]::seal, s[1]::seal, s[2]::seal);
            CryptoBackendBenchmark[] so = stacks(cipher);
            report(cipher + "", "seal+open", rounds, so[0]::sealOpen, so[1]::sealOpen, so[2]::sealOpen);
        }
    }

    private static CryptoBackendBenchmark[] stacks(CryptoBackendBenchmark.Cipher cipher) throws Exception {
        CryptoBackendBenchmark.Stack[] all = CryptoBackendBenchmark.Stack.values();
        CryptoBackendBenchmark[] stacks = new CryptoBackendBenchmark[all.length];
        for (CryptoBackendBenchmark.Stack stack : all) {
            CryptoBackendBenchmark b = new CryptoBackendBenchmark();
            b.stack = stack;
            b.cipher = cipher;
            b.size = SIZE;
            b.setUp();
            stacks[stack.ordinal()] = b;
        }
        return stacks;
    }

    private static void report(String cipher, String op, int rounds, Op... ops) throws Exception {
        int batch = 64;
        for (Op o : ops) { // warm-up: 2 s of this thread's CPU time each, well past C2 compilation
            long spent = 0;
            while (spent < WARM_UP_CPU_NANOS) {
                spent += time(o, batch);
            }
        }
        double[][] nanosPerOp = new double[ops.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < ops.length; k++) {
                int i = (k + r) % ops.length; // rotate the order so no stack always runs first
                nanosPerOp[i][r] = slice(ops[i], batch);
            }
        }
        double[] overJsse = new double[rounds];
        double[] overBc = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            overJsse[r] = nanosPerOp[2][r] / nanosPerOp[1][r];
            overBc[r] = nanosPerOp[0][r] / nanosPerOp[1][r];
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.2f | %.1f |%n", cipher, op,
                mbps(median(nanosPerOp[0])), mbps(median(nanosPerOp[1])), mbps(median(nanosPerOp[2])),
                median(overJsse), median(overBc));
    }

    /** CPU nanoseconds per operation over about {@link #SLICE_NANOS} of CPU time. */
    private static double slice(Op op, int batch) throws Exception {
        long spent = 0;
        long count = 0;
        while (spent < SLICE_NANOS) {
            spent += time(op, batch);
            count += batch;
        }
        return (double) spent / count;
    }

    private static long time(Op op, int batch) throws Exception {
        int acc = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
            acc += op.run();
        }
        long spent = THREADS.getCurrentThreadCpuTime() - start;
        sink += acc;
        return spent;
    }

    private static double mbps(double nanosPerOp) {
        return SIZE / nanosPerOp * 1e3;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
