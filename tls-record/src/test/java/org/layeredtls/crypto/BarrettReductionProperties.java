package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link BarrettReduction} gives what {@code BigInteger.mod} gives: for moduli of every size up to 4,096 bits (odd,
 * even, powers of two and their neighbours, where the quotient estimate is furthest off), for inputs across the
 * whole range the method covers ({@code 0 <= x < 4^k}) and beyond it (where it divides), products included.
 */
class BarrettReductionProperties {

    @Property(tries = 400)
    void reducesAsModDoes(@ForAll @IntRange(min = 1, max = 4096) int modulusBits,
                          @ForAll @IntRange(min = 0, max = 8200) int inputBits,
                          @ForAll long seed) {
        Random random = new Random(seed);
        BigInteger modulus = new BigInteger(modulusBits, random).setBit(modulusBits - 1);
        BarrettReduction reduction = new BarrettReduction(modulus);
        BigInteger x = new BigInteger(inputBits, random);
        assertEquals(x.mod(modulus), reduction.reduce(x));
    }

    @Property(tries = 200)
    void multipliesAsModDoes(@ForAll @IntRange(min = 2, max = 4096) int modulusBits, @ForAll long seed) {
        Random random = new Random(seed);
        BigInteger modulus = new BigInteger(modulusBits, random).setBit(modulusBits - 1);
        BarrettReduction reduction = new BarrettReduction(modulus);
        BigInteger a = new BigInteger(modulusBits, random).mod(modulus);
        BigInteger b = new BigInteger(modulusBits, random).mod(modulus);
        assertEquals(a.multiply(b).mod(modulus), reduction.multiply(a, b));
    }

    @Test
    void theEdgesOfTheRange() {
        for (int bits : new int[] {1, 2, 31, 32, 33, 63, 64, 65, 1023, 1024, 1025, 2048}) {
            BigInteger power = BigInteger.ONE.shiftLeft(bits - 1);
            for (BigInteger modulus : new BigInteger[] {power, power.add(BigInteger.ONE),
                    BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)}) {
                if (modulus.bitLength() != bits) {
                    continue;
                }
                BarrettReduction reduction = new BarrettReduction(modulus);
                BigInteger top = BigInteger.ONE.shiftLeft(2 * bits); // 4^k: the first input beyond the method
                BigInteger square = modulus.multiply(modulus);
                for (BigInteger x : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, modulus.subtract(BigInteger.ONE),
                        modulus, modulus.add(BigInteger.ONE), square.subtract(BigInteger.ONE), square,
                        top.subtract(BigInteger.ONE), top, top.add(BigInteger.ONE)}) {
                    if (x.signum() >= 0) {
                        assertEquals(x.mod(modulus), reduction.reduce(x), modulus + " " + x);
                    }
                }
            }
        }
    }

    @Test
    void aNegativeInputIsReducedToItsNonNegativeResidue() {
        BarrettReduction reduction = new BarrettReduction(BigInteger.valueOf(97));
        assertEquals(BigInteger.valueOf(96), reduction.reduce(BigInteger.valueOf(-1)));
    }

    @Test
    void aModulusBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BarrettReduction(BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new BarrettReduction(BigInteger.valueOf(-7)));
    }
}
