package org.layeredtls.crypto;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.bouncycastle.crypto.CryptoServicesRegistrar;

/**
 * The private-key operation of one RSA key, {@code c^d mod n}, as it runs for every signature and key-transport
 * decryption (RFC 8017 §5.1.2 RSADP, §5.2.1 RSASP1), in three steps:
 * <ol>
 *   <li><b>blinded</b> with the key's {@link RsaBlinding}: the exponentiation sees {@code c * r^e}, not {@code c};</li>
 *   <li><b>by the Chinese remainder theorem</b> (RFC 8017 §5.1.2 step 2b): two exponentiations of half the size,
 *       {@code m1 = c^dP mod p} and {@code m2 = c^dQ mod q}, joined by Garner's formula
 *       {@code m = m2 + q * (qInv * (m1 - m2) mod p)}; then unblinded by {@code r^-1};</li>
 *   <li><b>checked</b>: {@code m^e mod n} must give {@code c} back. A fault in one half of the CRT (a glitch, a bad
 *       bit) would otherwise give a signature correct mod q and wrong mod p, and {@code gcd(s^e - c, n)} would
 *       factor the key (Boneh, DeMillo, Lipton, "On the Importance of Checking Cryptographic Computations",
 *       EUROCRYPT '97); OpenSSL and BouncyCastle check the same way.</li>
 * </ol>
 * BouncyCastle's {@code RSACoreEngine} does the same three steps (its blinding in {@code RSABlindedEngine}); here
 * the reductions modulo n, p and q that are not exponentiations (blinding, the squaring of the blinding pair, the
 * CRT's input reduction and recombination) are Barrett reductions ({@link BarrettReduction}) with the constants
 * worked out once per key: the JDK's {@code BigInteger.mod} divides in Java, three times slower than that
 * (measured in {@code benchmarks/README.md}, perf4). The exponentiations are the JDK's {@code modPow}, as in
 * BouncyCastle. One instance per key ({@link #of}), thread-safe.
 */
final class RsaCrt {

    private static final Map<RsaPrivateKey, RsaCrt> BY_KEY = Collections.synchronizedMap(new WeakHashMap<>());

    private final BigInteger modulus;
    private final BigInteger publicExponent;
    private final BigInteger p;
    private final BigInteger q;
    private final BigInteger dP;
    private final BigInteger dQ;
    private final BigInteger qInv;
    private final BarrettReduction modN;
    private final BarrettReduction modP;
    private final BarrettReduction modQ;
    private final RsaBlinding blinding;

    RsaCrt(RsaPrivateKey key, RsaBlinding blinding) {
        this.modulus = key.modulus();
        this.publicExponent = key.publicExponent();
        this.p = key.prime1();
        this.q = key.prime2();
        this.dP = key.exponent1();
        this.dQ = key.exponent2();
        this.qInv = key.coefficient();
        if (!blinding.reduction().modulus().equals(modulus)) {
            throw new IllegalArgumentException("the blinding is another key's");
        }
        this.modN = blinding.reduction(); // one set of Barrett constants mod n per key, shared with its blinding
        this.modP = new BarrettReduction(p);
        this.modQ = new BarrettReduction(q);
        this.blinding = blinding;
    }

    /** The operation of {@code key}, kept while the key is reachable; its blinding draws from its own source. */
    static RsaCrt of(RsaPrivateKey key) {
        return BY_KEY.computeIfAbsent(key, k -> new RsaCrt(k,
                new RsaBlinding(k.modulus(), k.publicExponent(), CryptoServicesRegistrar.getSecureRandom())));
    }

    BigInteger modulus() {
        return modulus;
    }

    /**
     * {@code c^d mod n} for {@code 0 <= c < n}.
     *
     * @throws IllegalStateException if the result does not give {@code c} back (a faulty computation: nothing of
     *                               it leaves this method)
     */
    BigInteger apply(BigInteger c) {
        if (c.signum() < 0 || c.compareTo(modulus) >= 0) {
            throw new IllegalArgumentException("the input must be below the modulus");
        }
        BigInteger[] pair = blinding.next(); // {r^e, r^-1}, used once
        BigInteger blinded = modN.multiply(pair[0], c);
        BigInteger m1 = modP.reduce(blinded).modPow(dP, p);
        BigInteger m2 = modQ.reduce(blinded).modPow(dQ, q);
        BigInteger h = m1.subtract(modP.reduce(m2)); // m2 < q may exceed p
        if (h.signum() < 0) {
            h = h.add(p);
        }
        BigInteger blindedResult = modP.multiply(h, qInv).multiply(q).add(m2); // Garner: below p*q = n
        BigInteger result = modN.multiply(blindedResult, pair[1]);
        if (!result.modPow(publicExponent, modulus).equals(c)) {
            throw new IllegalStateException("RSA private-key operation failed its check: result not given out");
        }
        return result;
    }
}
