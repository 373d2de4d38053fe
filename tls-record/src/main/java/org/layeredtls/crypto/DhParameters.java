package org.layeredtls.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Finite-field Diffie-Hellman domain parameters: the prime p, the generator g and, when known, the
 * order q of the subgroup g generates (for the RFC 7919 safe-prime groups, q = (p-1)/2). A peer's
 * public value is checked against q when it is known (NIST SP 800-56A §5.6.2.3.1).
 *
 * @param p the prime modulus
 * @param g the generator
 * @param q the subgroup order, or {@code null} if unknown (parameters received from a server)
 */
public record DhParameters(BigInteger p, BigInteger g, BigInteger q) {

    public DhParameters {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(g, "g");
    }

    /** Parameters whose subgroup order is unknown. */
    public DhParameters(BigInteger p, BigInteger g) {
        this(p, g, null);
    }

    @Override
    public String toString() {
        return "DhParameters[p " + p.bitLength() + " bits, g " + g + (q != null ? ", q known" : "") + "]";
    }
}
