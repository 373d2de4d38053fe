package org.layeredtls.bench;

import java.util.Locale;

import org.layeredtls.bench.CpuTimeRounds.Operation;

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

    private static final long WARM_UP_CPU_NANOS = 2_000_000_000L;
    private static final int SIZE = 16384;

    private CryptoBackendCpuTime() {
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
        CryptoBackendBenchmark.Stack[] all = {CryptoBackendBenchmark.Stack.LAYEREDTLS_BC,
            CryptoBackendBenchmark.Stack.LAYEREDTLS_JDK, CryptoBackendBenchmark.Stack.SUNJSSE};
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

    private static void report(String cipher, String op, int rounds, Operation... ops) throws Exception {
        int batch = 64;
        for (Operation o : ops) { // warm-up: 2 s of this thread's CPU time each, well past C2 compilation
            long spent = 0;
            while (spent < WARM_UP_CPU_NANOS) {
                spent += CpuTimeRounds.time(o, batch);
            }
        }
        double[][] nanosPerOp = CpuTimeRounds.nanosPerOperation(ops, rounds, batch);
        double[] overJsse = new double[rounds];
        double[] overBc = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            overJsse[r] = nanosPerOp[2][r] / nanosPerOp[1][r];
            overBc[r] = nanosPerOp[0][r] / nanosPerOp[1][r];
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.2f | %.1f |%n", cipher, op,
                mbps(CpuTimeRounds.median(nanosPerOp[0])), mbps(CpuTimeRounds.median(nanosPerOp[1])),
                mbps(CpuTimeRounds.median(nanosPerOp[2])),
                CpuTimeRounds.median(overJsse), CpuTimeRounds.median(overBc));
    }

    private static double mbps(double nanosPerOp) {
        return SIZE / nanosPerOp * 1e3;
    }
}
