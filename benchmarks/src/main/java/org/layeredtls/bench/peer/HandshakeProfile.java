package org.layeredtls.bench.peer;

import java.lang.management.ManagementFactory;

import org.layeredtls.bench.idle.BenchmarkPki;

/**
 * One stack's handshakes of one kind in a loop on this thread, for a profiler to watch: 3 s of warm-up, then
 * the given seconds, and a line with the CPU time and the bytes allocated per handshake (both ends). Nothing
 * else runs, so every sample of a profile of this process is that stack's handshake.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.layeredtls.bench.peer.HandshakeProfile STACK KIND [seconds [resumed]]</pre>
 */
public final class HandshakeProfile {

    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private HandshakeProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: HandshakeProfile STACK KIND [seconds [resumed]]; STACK one of "
                    + java.util.Arrays.toString(Handshakes.Stack.values()) + ", KIND one of "
                    + java.util.Arrays.toString(HandshakeKind.values()));
            System.exit(2);
        }
        Handshakes.Stack stack = Handshakes.Stack.valueOf(args[0]);
        HandshakeKind kind = HandshakeKind.valueOf(args[1]);
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        boolean resumed = args.length > 3 && args[3].equals("resumed");
        if (!stack.runs(kind)) {
            throw new IllegalArgumentException(stack + " runs no " + kind + " handshake");
        }
        Handshakes handshakes = stack.create(new BenchmarkPki(), kind);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            sink += resumed ? handshakes.resumed() : handshakes.full();
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int count = 0;
        while (System.nanoTime() < end) {
            sink += resumed ? handshakes.resumed() : handshakes.full();
            count++;
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        System.out.printf("%s %s %s: %d handshakes, %.1f us CPU and %.1f KB allocated per handshake (%d)%n",
                stack, kind, resumed ? "resumed" : "full", count, cpu / 1e3 / count, allocated / 1024.0 / count, sink & 1);
    }
}
