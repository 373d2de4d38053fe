package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WelchTestTest {

    private static long[] sample(long base, int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = base + i % 10; // 0..9 around the base
        }
        return values;
    }

    @Test
    void equalSamplesGiveTZeroAndPOne() {
        WelchTest test = WelchTest.of(sample(100, 1000), sample(100, 1000));
        assertEquals(0, test.t(), 1e-9);
        assertEquals(1, test.p(), 1e-6);
    }

    @Test
    void samplesTwoUnitsApartAreToldApart() {
        WelchTest test = WelchTest.of(sample(100, 1000), sample(102, 1000));
        assertEquals(-2, test.mean1() - test.mean2(), 1e-9);
        assertTrue(test.t() < -10, "t = " + test.t());
        assertEquals("p < 1e-6", test.pValue());
    }

    @Test
    void erfcMatchesKnownValues() {
        assertEquals(1, WelchTest.erfc(0), 1e-6);
        assertEquals(0.0455003, WelchTest.erfc(2 / Math.sqrt(2)), 1e-6); // two-sided p at |t| = 2
        assertEquals(0.0026998, WelchTest.erfc(3 / Math.sqrt(2)), 1e-6);
    }

    @Test
    void theSlowestTenthIsDroppedBeforeTesting() {
        long[] noisy = sample(100, 1000);
        for (int i = 0; i < 50; i++) {
            noisy[i * 20] = 1_000_000; // 5% outliers, as a garbage collection would make
        }
        WelchTest test = WelchTest.of(noisy, sample(100, 1000));
        assertTrue(test.mean1() < 105, "mean " + test.mean1());
    }
}
