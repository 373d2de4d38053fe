package org.layeredtls.cwmp.model;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;

/**
 * The {@code DeviceInfo.} values that change while the device runs, sampled from the host and the JVM:
 * UpTime, MemoryStatus (the host's physical memory, in KiB), ProcessStatus.CPUUsage (the host's, in
 * percent) and the CPE's own entry in ProcessStatus.Process (PID, Command, Size = the JVM's committed heap in
 * KiB, CPUTime in milliseconds, State). Priority stays 0: the JVM does not expose a process priority. The CPE
 * samples at the start of each session, so a GetParameterValues answers the values of that moment.
 */
public final class DeviceStatus {

    /** TR-106 unsignedInt: what does not fit is reported as the largest value. */
    private static final long UNSIGNED_INT_MAX = 0xFFFF_FFFFL;
    /** TR-181: Command is a string(256). */
    private static final int COMMAND_MAX_LENGTH = 256;

    private DeviceStatus() {
    }

    /** Writes the current values into {@code m} (local changes: passive/active notification applies). */
    public static void sample(DataModel m, Duration upTime) {
        String d = m.root() + "DeviceInfo.";
        set(m, d + "UpTime", upTime.toSeconds());
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean host) {
            set(m, d + "MemoryStatus.Total", host.getTotalMemorySize() / 1024);
            set(m, d + "MemoryStatus.Free", host.getFreeMemorySize() / 1024);
            double load = host.getCpuLoad(); // 0.0 .. 1.0 over all CPUs, negative when not known yet
            set(m, d + "ProcessStatus.CPUUsage", load < 0 ? 0 : (long) Math.ceil(load * 100)); // "rounded up"
        }
        String p = d + "ProcessStatus.Process.1.";
        ProcessHandle self = ProcessHandle.current();
        set(m, p + "PID", self.pid());
        String command = self.info().command().orElse("java");
        setText(m, p + "Command", command.substring(0, Math.min(command.length(), COMMAND_MAX_LENGTH)));
        set(m, p + "Size", Runtime.getRuntime().totalMemory() / 1024);
        set(m, p + "CPUTime", self.info().totalCpuDuration().map(Duration::toMillis).orElse(0L));
    }

    private static void set(DataModel m, String name, long value) {
        setText(m, name, Long.toString(Math.max(0, Math.min(UNSIGNED_INT_MAX, value))));
    }

    /** Only where the model defines the parameter (a model restored from an older file may lack it). */
    private static void setText(DataModel m, String name, String value) {
        if (m.parameter(name).isPresent()) {
            m.setLocal(name, value);
        }
    }
}
