package org.layeredtls.cwmp.cpe;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Session retry back-off (TR-069 §3.2.1.1, Table 3): after the n-th consecutive failure the CPE waits a random
 * time in [m·(k/1000)^(n-1), m·(k/1000)^n] seconds, with n capped at 10. Defaults m = 5 s, k = 2000
 * (ManagementServer.CWMPRetryMinimumWaitInterval and CWMPRetryIntervalMultiplier).
 *
 * @param minimumWaitSeconds m
 * @param intervalMultiplier k, in thousandths
 */
public record RetryPolicy(long minimumWaitSeconds, int intervalMultiplier) {
    /** m = 5, k = 2000. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, 2000);

    public RetryPolicy {
        if (minimumWaitSeconds < 1 || intervalMultiplier < 1000) {
            throw new IllegalArgumentException("m >= 1 and k >= 1000 (TR-069 §3.2.1.1)");
        }
    }

    /** Lower bound of the wait after {@code retryCount} failures (zero when there was none). */
    public Duration minimumWait(int retryCount) {
        return retryCount <= 0 ? Duration.ZERO : seconds(Math.min(retryCount, 10) - 1);
    }

    /** Upper bound of the wait after {@code retryCount} failures. */
    public Duration maximumWait(int retryCount) {
        return retryCount <= 0 ? Duration.ZERO : seconds(Math.min(retryCount, 10));
    }

    /** A wait drawn uniformly from [minimumWait, maximumWait]. */
    public Duration delay(int retryCount, RandomGenerator random) {
        long lo = minimumWait(retryCount).toMillis();
        long hi = maximumWait(retryCount).toMillis();
        return Duration.ofMillis(hi <= lo ? lo : lo + random.nextLong(hi - lo + 1));
    }

    private Duration seconds(int exponent) {
        double s = minimumWaitSeconds * Math.pow(intervalMultiplier / 1000.0, exponent);
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
