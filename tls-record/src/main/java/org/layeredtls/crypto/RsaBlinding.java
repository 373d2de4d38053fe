package org.layeredtls.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.util.BigIntegers;

/**
 * The blinding of one RSA private key (Kocher, "Timing Attacks on Implementations of Diffie-Hellman, RSA, DSS,
 * and Other Systems", CRYPTO '96, §10): each private operation on c computes (c * r^e)^d * r^-1 mod n, so its
 * timing says nothing about c. A fresh pair (r^e, r^-1) costs a modular inverse of n's size, about as much as
 * the CRT exponentiation itself; Kocher's §10 update squares the previous pair instead, (r^2)^e = (r^e)^2 and
 * (r^2)^-1 = (r^-1)^2, two multiplications (each reduced mod n by Barrett's method, {@link BarrettReduction}). As OpenSSL's {@code BN_BLINDING} does, every pair is used once,
 * and a fresh r is drawn every {@value #USES_PER_FRESH_R} operations (and for a key's first), from the blinding's
 * own {@link SecureRandom} (as OpenSSL's per-key BN_BLINDING): a signature draws from the caller's random source
 * only what its padding needs (the PSS salt), and a decryption nothing.
 * Thread-safe: the pair is taken and squared under the key's lock.
 */
final class RsaBlinding {

    /** OpenSSL's BN_BLINDING_COUNTER: a fresh r after this many uses of the squared ones. */
    static final int USES_PER_FRESH_R = 32;

    private final BigInteger modulus;
    private final BarrettReduction modN;
    private final BigInteger publicExponent;
    private final SecureRandom random;
    private BigInteger blind;   // r^e mod n
    private BigInteger unblind; // r^-1 mod n
    private int uses = USES_PER_FRESH_R; // the first use draws r

    RsaBlinding(BigInteger modulus, BigInteger publicExponent, SecureRandom random) {
        this.modulus = modulus;
        this.modN = new BarrettReduction(modulus);
        this.publicExponent = publicExponent;
        this.random = random;
    }

    /** The reduction mod n the pairs are squared with, for the operation that uses them ({@link RsaCrt}). */
    BarrettReduction reduction() {
        return modN;
    }

    /** A pair not used before: {r^e mod n, r^-1 mod n}. */
    synchronized BigInteger[] next() {
        if (uses >= USES_PER_FRESH_R) {
            BigInteger r = BigIntegers.createRandomInRange(BigInteger.ONE, modulus.subtract(BigInteger.ONE), random);
            blind = r.modPow(publicExponent, modulus);
            unblind = BigIntegers.modOddInverse(modulus, r); // constant-time (BouncyCastle's safegcd)
            uses = 0;
        } else {
            blind = modN.multiply(blind, blind);
            unblind = modN.multiply(unblind, unblind);
        }
        uses++;
        return new BigInteger[] {blind, unblind};
    }
}
