package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link RsaCrt} computes exactly {@code c^d mod n} (blinded, by CRT, with Barrett reductions) for keys of either
 * prime order (Garner's recombination when p < q and when p > q) and for primes of unequal sizes (where the
 * blinded input is beyond Barrett's range mod the smaller prime), at the edges of the input range and over several
 * fresh draws of the blinding; and it gives nothing out when the check of its result fails (a faulty CRT half).
 */
class RsaCrtTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger E = BigInteger.valueOf(65537);

    /** A CRT key from two primes of the given sizes, in the order given (prime1 = p, prime2 = q). */
    private static RsaPrivateKey key(int pBits, int qBits, boolean pBelowQ) {
        while (true) {
            BigInteger a = BigInteger.probablePrime(pBits, RANDOM);
            BigInteger b = BigInteger.probablePrime(qBits, RANDOM);
            if (a.equals(b) || (a.compareTo(b) < 0) != pBelowQ) {
                continue;
            }
            BigInteger phi = a.subtract(BigInteger.ONE).multiply(b.subtract(BigInteger.ONE));
            if (!phi.gcd(E).equals(BigInteger.ONE)) {
                continue;
            }
            BigInteger d = E.modInverse(phi);
            return new RsaPrivateKey(a.multiply(b), E, d, a, b, d.mod(a.subtract(BigInteger.ONE)),
                    d.mod(b.subtract(BigInteger.ONE)), b.modInverse(a));
        }
    }

    private static List<BigInteger> inputs(BigInteger n) {
        List<BigInteger> inputs = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                n.subtract(BigInteger.ONE), n.subtract(BigInteger.TWO)));
        for (int i = 0; i < 3 * RsaBlinding.USES_PER_FRESH_R; i++) { // over several fresh draws of r
            inputs.add(new BigInteger(n.bitLength() + 8, RANDOM).mod(n));
        }
        return inputs;
    }

    private static void assertComputesThePrivateOperation(RsaPrivateKey key) {
        RsaCrt crt = new RsaCrt(key, new RsaBlinding(key.modulus(), key.publicExponent(), RANDOM));
        for (BigInteger c : inputs(key.modulus())) {
            assertEquals(c.modPow(key.privateExponent(), key.modulus()), crt.apply(c), "input " + c);
        }
    }

    @Test
    void equalsThePlainExponentiationWhenPIsAboveQ() {
        assertComputesThePrivateOperation(key(1024, 1024, false));
    }

    @Test
    void equalsThePlainExponentiationWhenPIsBelowQ() {
        assertComputesThePrivateOperation(key(1024, 1024, true));
    }

    @Test
    void equalsThePlainExponentiationWithPrimesOfUnequalSize() {
        assertComputesThePrivateOperation(key(700, 1348, true));
        assertComputesThePrivateOperation(key(1348, 700, false));
        assertComputesThePrivateOperation(key(257, 255, false));
    }

    @Test
    void aFaultyHalfGivesNothingOut() {
        RsaPrivateKey good = key(512, 512, false);
        // dP one off: the half mod p is wrong, the half mod q right, the very result that would factor n
        RsaPrivateKey faulty = new RsaPrivateKey(good.modulus(), good.publicExponent(), good.privateExponent(),
                good.prime1(), good.prime2(), good.exponent1().add(BigInteger.TWO), good.exponent2(), good.coefficient());
        RsaCrt crt = new RsaCrt(faulty, new RsaBlinding(faulty.modulus(), faulty.publicExponent(), RANDOM));
        BigInteger c = new BigInteger(500, RANDOM);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> crt.apply(c));
        assertEquals("RSA private-key operation failed its check: result not given out", e.getMessage());
    }

    @Test
    void anInputOutsideZeroToNIsRefused() {
        RsaPrivateKey key = key(512, 512, false);
        RsaCrt crt = RsaCrt.of(key);
        assertThrows(IllegalArgumentException.class, () -> crt.apply(key.modulus()));
        assertThrows(IllegalArgumentException.class, () -> crt.apply(BigInteger.ONE.negate()));
    }

    @Test
    void anotherKeysBlindingIsRefused() {
        RsaPrivateKey key = key(512, 512, false);
        RsaPrivateKey other = key(512, 512, false);
        assertThrows(IllegalArgumentException.class,
                () -> new RsaCrt(key, new RsaBlinding(other.modulus(), other.publicExponent(), RANDOM)));
    }

    @Test
    void oneOperationPerKeyIsKept() {
        RsaPrivateKey key = key(512, 512, false);
        assertSame(RsaCrt.of(key), RsaCrt.of(key));
    }
}
