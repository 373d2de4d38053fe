package org.layeredtls.record.lab;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordProtection;
import org.layeredtls.record.TrafficKeys;

/**
 * The Lucky 13 lab's clock: how long each receiver takes to refuse two forged records of the same
 * length, one whose padding is the valid {@code 01 01} and one whose padding is bad (and, as a control, a second bad one), measured with
 * {@link System#nanoTime()} and compared with {@link WelchTest}. The numbers depend on the machine
 * and its load; the lab prints them and no test asserts them.
 */
final class Lucky13Timing {

    /** Opens before measuring, so the JIT has compiled the code being timed. */
    private static final int WARM_UP = 5_000;
    /** Measurements per record and receiver, taken in alternation so that drift hits both alike. */
    private static final int SAMPLES = 5_000;
    /** Below this p-value the lab calls the difference real. */
    private static final double SIGNIFICANCE = 0.001;

    /** The records, on {@code keys}: one with the padding 01 01, two with a bad one (the control). */
    record Records(TrafficKeys keys, byte[] goodPadding, byte[] badPadding, byte[] otherBadPadding) {
    }

    private Lucky13Timing() {
    }

    static void measure(PrintStream out, Records records) {
        Map<Lucky13Lab.Receiver, WelchTest> tests = new EnumMap<>(Lucky13Lab.Receiver.class);
        for (Lucky13Lab.Receiver receiver : Lucky13Lab.Receiver.values()) {
            RecordProtection protection = receiver.create(records.keys(), CryptoProvider.defaultProvider());
            byte[][] forged = {records.goodPadding(), records.badPadding(), records.otherBadPadding()};
            byte[] scratch = new byte[records.goodPadding().length];
            for (int i = 0; i < WARM_UP; i++) {
                for (byte[] record : forged) {
                    time(protection, record, scratch);
                }
            }
            long[][] samples = new long[forged.length][SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                for (int k = 0; k < forged.length; k++) { // a different order each round
                    int r = (i + k) % forged.length;
                    samples[r][i] = time(protection, forged[r], scratch);
                }
            }
            long[] good = samples[0];
            long[] bad = samples[1];
            WelchTest control = WelchTest.of(samples[1], samples[2]);
            WelchTest test = WelchTest.of(good, bad);
            tests.put(receiver, test);
            out.printf("  %s:%n    padding 01 01 %.0f ns, bad padding %.0f ns (%d each, slowest 10%% dropped):"
                            + " difference %+.0f ns, Welch t = %.1f, %s: %s%n",
                    receiver.label(), test.mean1(), test.mean2(), SAMPLES, test.mean1() - test.mean2(), test.t(),
                    test.pValue(), test.p() < SIGNIFICANCE ? "the clock tells them apart"
                            : "no difference seen at this sample size");
            out.printf("    control, two bad paddings: difference %+.0f ns, Welch t = %.1f, %s%n",
                    control.mean1() - control.mean2(), control.t(), control.pValue());
        }
        WelchTest naive = tests.get(Lucky13Lab.Receiver.NAIVE);
        WelchTest ours = tests.get(Lucky13Lab.Receiver.OURS);
        if (ours.p() < SIGNIFICANCE) {
            out.printf("  our open still shows %+.0f ns (the naive one %+.0f ns, one compression call): the residual%n"
                    + "  BlockProtection documents (the real MAC and the dummy blocks differ in the bytes of a partial%n"
                    + "  block); encrypt-then-MAC (RFC 7366) or an AEAD suite leaves nothing to time%n",
                    ours.mean1() - ours.mean2(), naive.mean1() - naive.mean2());
        }
    }

    /** The time one open takes; every forged record must be refused. */
    private static long time(RecordProtection protection, byte[] record, byte[] scratch) {
        long start = System.nanoTime();
        boolean accepted;
        try {
            protection.open(0, ContentType.APPLICATION_DATA, Lucky13Lab.VERSION, record, 0, record.length, scratch, 0);
            accepted = true;
        } catch (TlsAlertException refused) {
            accepted = false; // bad_record_mac: what both records must get; their time is the measurement
        }
        long elapsed = System.nanoTime() - start;
        if (accepted) {
            throw new IllegalStateException("a forged record was accepted");
        }
        return elapsed;
    }
}
