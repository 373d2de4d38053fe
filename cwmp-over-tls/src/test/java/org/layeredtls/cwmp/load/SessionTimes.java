package org.layeredtls.cwmp.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Session durations and what they add up to: sessions per second from {@link #start()} (when the sessions
 * are let go) to the end of the last one, and the
 * median and 99th percentile (nearest rank). Printed by the load test, never asserted: tests do not
 * assert on wall-clock time.
 */
final class SessionTimes {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private long startNanos = System.nanoTime(); // guarded by this
    private long lastEndNanos = startNanos; // guarded by this

    /** The sessions are let go now (by default: when this object was made). */
    synchronized void start() {
        startNanos = System.nanoTime();
        lastEndNanos = startNanos;
    }

    /** A session that ran from {@code start} to now ({@link System#nanoTime()}). */
    synchronized void sessionEnded(long start) {
        long end = System.nanoTime();
        nanos.add(end - start);
        lastEndNanos = Math.max(lastEndNanos, end);
    }

    int count() {
        return nanos.size();
    }

    /** The nearest-rank percentile {@code p} (0 &lt; p &le; 100) in milliseconds. */
    double percentileMillis(double p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    /** One line: count, sessions/s from {@link #start()} to the last session's end, p50, p99, max. */
    synchronized String summary(String what) {
        double seconds = (lastEndNanos - startNanos) / 1e9;
        return String.format(Locale.ROOT, "%s: %d sessions in %.1f s = %.1f sessions/s; session time p50 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms", what, count(), seconds, count() / seconds,
                percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }
}
