package org.layeredtls.handshake.keyexchange;

import java.math.BigInteger;
import org.layeredtls.crypto.DhParameters;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * The finite-field groups a server offers for DHE (RFC 7919 §2, appendix A): safe primes
 * p = 2q + 1 with generator 2, which generates the subgroup of prime order q. A server uses them
 * in its ServerDHParams; ServerDHParams does not name the group, so a client just receives p and g
 * ({@link DheKeyExchange#forServerParams}).
 */
public enum DhGroup {
    /** RFC 7919 appendix A.1: ffdhe2048, security strength about 103 bits. */
    FFDHE2048(NamedGroup.FFDHE2048,
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
            + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
            + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
            + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
            + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
            + "C58EF1837D1683B2C6F34A26C1B2EFFA886B423861285C97FFFFFFFFFFFFFFFF"),
    /** RFC 7919 appendix A.2: ffdhe3072, security strength about 125 bits. */
    FFDHE3072(NamedGroup.FFDHE3072,
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
            + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
            + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
            + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
            + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
            + "C58EF1837D1683B2C6F34A26C1B2EFFA886B4238611FCFDCDE355B3B6519035B"
            + "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
            + "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
            + "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
            + "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B66C62E37FFFFFFFFFFFFFFFF");

    private final NamedGroup namedGroup;
    private final DhParameters parameters;

    DhGroup(NamedGroup namedGroup, String primeHex) {
        this.namedGroup = namedGroup;
        BigInteger p = new BigInteger(primeHex, 16);
        // RFC 7919 §2: g = 2, and q = (p-1)/2 is prime
        this.parameters = new DhParameters(p, BigInteger.TWO, p.subtract(BigInteger.ONE).shiftRight(1));
    }

    /**
     * The group a server uses at this security level: the smallest strong enough (ffdhe2048 up to
     * level 2, ffdhe3072 at level 3, as OpenSSL's automatic choice), else the largest there is.
     */
    public static DhGroup forSecurityLevel(org.layeredtls.handshake.policy.SecurityLevel level) {
        for (DhGroup group : values()) {
            if (level.permitsDhPrime(group.p().bitLength())) {
                return group;
            }
        }
        return values()[values().length - 1];
    }

    /** The group's code in supported_groups (RFC 7919 §2). */
    public NamedGroup namedGroup() {
        return namedGroup;
    }

    /** The prime p. */
    public BigInteger p() {
        return parameters.p();
    }

    /** The generator g = 2. */
    public BigInteger g() {
        return parameters.g();
    }

    /** The order q = (p-1)/2 of the subgroup g generates. */
    public BigInteger q() {
        return parameters.q();
    }

    /** p, g and q for the key-agreement seam. */
    public DhParameters parameters() {
        return parameters;
    }
}
