package org.layeredtls.record.lab;

import java.util.Arrays;

/**
 * Welch's t-test (Welch, 1947): do two samples of timings have the same mean, allowing them
 * different variances? {@code t = (mean1 - mean2) / sqrt(var1/n1 + var2/n2)}; with thousands of
 * samples t is close to a standard normal when the means are equal, so the two-sided p-value is
 * {@code erfc(|t| / sqrt 2)}. A small p (say below 0.001) says the difference is real.
 *
 * <p>Timer noise (a garbage collection, an interrupt, a JIT compilation) only ever makes a
 * measurement longer, so the slowest tenth of each sample is dropped before testing.
 *
 * @param mean1 the first sample's mean (after trimming), in the samples' unit
 * @param mean2 the second sample's mean
 * @param t     the t statistic
 * @param p     the two-sided p-value
 */
record WelchTest(double mean1, double mean2, double t, double p) {

    private static final double KEPT = 0.9;

    static WelchTest of(long[] sample1, long[] sample2) {
        double[] a = trimmed(sample1);
        double[] b = trimmed(sample2);
        double meanA = mean(a);
        double meanB = mean(b);
        double standardError = Math.sqrt(variance(a, meanA) / a.length + variance(b, meanB) / b.length);
        double t = standardError == 0 ? 0 : (meanA - meanB) / standardError;
        return new WelchTest(meanA, meanB, t, erfc(Math.abs(t) / Math.sqrt(2)));
    }

    private static double[] trimmed(long[] sample) {
        long[] sorted = sample.clone();
        Arrays.sort(sorted);
        int kept = Math.max(2, (int) (sorted.length * KEPT));
        double[] values = new double[kept];
        for (int i = 0; i < kept; i++) {
            values[i] = sorted[i];
        }
        return values;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }

    /** The complementary error function, Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7). */
    static double erfc(double x) {
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return poly * Math.exp(-x * x);
    }

    /** p as a student reads it: {@code p = 0.42} or {@code p < 1e-6}. */
    String pValue() {
        return p < 1e-6 ? "p < 1e-6" : String.format("p = %.2g", p);
    }
}
