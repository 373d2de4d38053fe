package org.layeredtls.crypto;

import java.math.BigInteger;

/**
 * {@code x mod m} for one modulus {@code m}, by Barrett's method (Menezes, van Oorschot, Vanstone, <i>Handbook
 * of Applied Cryptography</i>, algorithm 14.42, base 2): with {@code mu = floor(4^k / m)} worked out once for the
 * modulus ({@code k} its bit length), the quotient of any {@code x < 4^k} is estimated by two shifts and one
 * multiplication, {@code q = ((x >> (k-1)) * mu) >> (k+1)}, which is the true quotient or at most two below it
 * (fact 14.43), so {@code x - q*m} needs at most two subtractions of {@code m}.
 *
 * <p>Why not {@code BigInteger.mod}: the JDK divides by long division in Java (Knuth's algorithm D), while
 * {@code multiply} runs on an intrinsic. For a 2048-bit modulus a product's reduction by {@code mod} costs
 * about 9 us, by Barrett about 3 us (JDK 17, one core; {@code benchmarks/README.md}): RSA's blinding and CRT
 * recombination do four to eight such reductions per private-key operation. Not constant time, as neither
 * {@code mod} nor {@code BigInteger} is: the values it reduces are blinded ({@link RsaCrt}).
 */
final class BarrettReduction {

    private final BigInteger modulus;
    private final int bits;
    private final BigInteger mu;

    BarrettReduction(BigInteger modulus) {
        if (modulus.signum() <= 0) {
            throw new IllegalArgumentException("the modulus must be positive");
        }
        this.modulus = modulus;
        this.bits = modulus.bitLength();
        this.mu = BigInteger.ONE.shiftLeft(2 * bits).divide(modulus);
    }

    BigInteger modulus() {
        return modulus;
    }

    /** {@code x mod m} for {@code x >= 0}; beyond the method's range ({@code x >= 4^k}) by plain division. */
    BigInteger reduce(BigInteger x) {
        if (x.signum() < 0 || x.bitLength() > 2 * bits) {
            return x.mod(modulus);
        }
        BigInteger quotient = x.shiftRight(bits - 1).multiply(mu).shiftRight(bits + 1);
        BigInteger remainder = x.subtract(quotient.multiply(modulus));
        while (remainder.compareTo(modulus) >= 0) { // at most twice (HAC fact 14.43)
            remainder = remainder.subtract(modulus);
        }
        return remainder;
    }

    /** {@code a * b mod m}. */
    BigInteger multiply(BigInteger a, BigInteger b) {
        return reduce(a.multiply(b));
    }
}
