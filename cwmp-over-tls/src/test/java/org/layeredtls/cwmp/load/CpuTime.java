package org.layeredtls.cwmp.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent, which unlike wall-clock time does not depend on what else the machine runs: the whole
 * JVM's (the ACS and the simulated CPEs together), and that of the threads whose name starts with a prefix
 * (the ACS's connection threads are "acs-N"). Threads that ended are not counted: read it while they live.
 */
final class CpuTime {

    private CpuTime() {
    }

    /** CPU nanoseconds used by this JVM so far. */
    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU nanoseconds used so far by the live threads named {@code prefix...}. */
    static long threadsNamed(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
