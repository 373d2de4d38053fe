package org.layeredtls.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Operations timed by this thread's <em>CPU</em> time (so time the scheduler gives to other processes does not
 * count), in turns in short rounds (so a change of load on a shared machine hits them alike), for the median
 * over the rounds: what {@link CpuTimeRatio} and {@link CryptoBackendCpuTime} share.
 */
final class CpuTimeRounds {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The CPU time one operation gets in one round. */
    private static final long SLICE_NANOS = 40_000_000L;
    private static volatile int sink;

    private CpuTimeRounds() {
    }

    /** One operation under measurement; what it returns is kept so that the JIT cannot drop the work. */
    interface Operation {
        int run() throws Exception;
    }

    /**
     * CPU nanoseconds per operation, {@code [operation][round]}: each round gives every operation about
     * {@link #SLICE_NANOS} of CPU time in batches of {@code batch}, in an order rotated so no operation always runs first.
     */
    static double[][] nanosPerOperation(Operation[] operations, int rounds, int batch) throws Exception {
        double[][] nanosPerOp = new double[operations.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < operations.length; k++) {
                int i = (k + r) % operations.length;
                nanosPerOp[i][r] = slice(operations[i], batch);
            }
        }
        return nanosPerOp;
    }

    /** The CPU nanoseconds {@code batch} runs of {@code operation} took on this thread. */
    static long time(Operation operation, int batch) throws Exception {
        int acc = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
            acc += operation.run();
        }
        long spent = THREADS.getCurrentThreadCpuTime() - start;
        sink += acc;
        return spent;
    }

    /** The bytes this thread allocates per operation, over {@code batch} runs (after warm-up). */
    static double allocatedBytesPerOperation(Operation operation, int batch) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
        long start = threads.getCurrentThreadAllocatedBytes();
        time(operation, batch);
        return (double) (threads.getCurrentThreadAllocatedBytes() - start) / batch;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** CPU nanoseconds per operation over about {@link #SLICE_NANOS} of CPU time. */
    private static double slice(Operation operation, int batch) throws Exception {
        long spent = 0;
        long count = 0;
        while (spent < SLICE_NANOS) {
            spent += time(operation, batch);
            count += batch;
        }
        return (double) spent / count;
    }
}
