package org.layeredtls.handshake.keyexchange;

import java.math.BigInteger;
import java.util.Objects;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.DhKeyPair;
import org.layeredtls.crypto.DhParameters;
import org.layeredtls.crypto.KeyAgreement;
import org.layeredtls.crypto.KeyAgreementException;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.message.ServerDhParams;

/**
 * DHE (RFC 5246 §8.1.2, §7.4.3, §7.4.7.2): an ephemeral finite-field Diffie-Hellman key pair. The
 * server picks the group ({@link #generate}) and sends p, g and Ys; the client takes them as they
 * come ({@link #forServerParams}), checks them, and answers with Yc.
 *
 * <p>The alerts, and why:
 * <ul>
 *   <li>a p shorter than the client's minimum (default 2048 bits, the Logjam lesson) is
 *       {@code handshake_failure}, as OpenSSL sends ("dh key too small"): the parameters are well
 *       formed, just not acceptable, and RFC 5246 §7.2.2's {@code insufficient_security} is
 *       defined for the opposite direction (a server wanting stronger ciphers than offered);</li>
 *   <li>malformed parameters (p even, p longer than 10000 bits as OpenSSL's
 *       {@code OPENSSL_DH_MAX_MODULUS_BITS}, g outside 1 &lt; g &lt; p-1) and a peer public value
 *       outside 1 &lt; Y &lt; p-1 are {@code illegal_parameter}, as OpenSSL ("bad dh value"): a field
 *       out of range (RFC 5246 §7.2.2).</li>
 * </ul>
 * p is not tested for primality (as OpenSSL's client does not): a composite p only weakens the
 * server's own connection, which the server controls anyway.
 */
public final class DheKeyExchange implements EphemeralKeyExchange {

    /** The smallest p a client accepts unless configured otherwise (TlsConfig.minDhBits). */
    public static final int DEFAULT_MIN_BITS = 2048;

    /** The largest p accepted, as OpenSSL's OPENSSL_DH_MAX_MODULUS_BITS: bounds the work a server can ask for. */
    public static final int MAX_BITS = 10_000;

    private final KeyAgreement crypto;
    private final DhKeyPair keyPair;

    private DheKeyExchange(KeyAgreement crypto, DhKeyPair keyPair) {
        this.crypto = crypto;
        this.keyPair = keyPair;
    }

    /** The server's half: a fresh key pair in one of the RFC 7919 groups. */
    public static DheKeyExchange generate(DhGroup group, RandomSource random) {
        return generate(group, random, KeyAgreement.defaultImplementation());
    }

    public static DheKeyExchange generate(DhGroup group, RandomSource random, KeyAgreement crypto) {
        Objects.requireNonNull(random, "random");
        return new DheKeyExchange(crypto, crypto.generateDhKeyPair(group.parameters(), random));
    }

    /** The client's half for a ServerDHParams: {@link #forServerParams(BigInteger, BigInteger, int, RandomSource)} on its p and g. */
    public static DheKeyExchange forServerParams(ServerDhParams params, int minBits, RandomSource random)
            throws TlsAlertException {
        return forServerParams(new BigInteger(1, params.dhP()), new BigInteger(1, params.dhG()), minBits, random);
    }

    /**
     * The client's half for the server's p and g, checked first (see the class comment for the
     * alerts). The server's Ys is checked when it is passed to {@link #computePremaster}.
     */
    public static DheKeyExchange forServerParams(BigInteger p, BigInteger g, int minBits, RandomSource random)
            throws TlsAlertException {
        return forServerParams(p, g, minBits, random, KeyAgreement.defaultImplementation());
    }

    public static DheKeyExchange forServerParams(BigInteger p, BigInteger g, int minBits, RandomSource random,
                                                 KeyAgreement crypto) throws TlsAlertException {
        Objects.requireNonNull(random, "random");
        // a prime p > 3 is odd; anything else cannot be a DH modulus
        if (p.bitLength() < 3 || !p.testBit(0)) {
            throw KeyExchangeErrors.illegalParameter("dh_p is not an odd number above 3");
        }
        if (p.bitLength() > MAX_BITS) {
            throw KeyExchangeErrors.illegalParameter("dh_p of " + p.bitLength() + " bits is over " + MAX_BITS);
        }
        // g = 0, 1 or p-1 generate trivial subgroups; g >= p is not reduced
        if (g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw KeyExchangeErrors.illegalParameter("dh_g outside 1 < g < p-1");
        }
        if (p.bitLength() < minBits) {
            throw KeyExchangeErrors.handshakeFailure("dh key too small: dh_p of " + p.bitLength()
                    + " bits, at least " + minBits + " required");
        }
        return new DheKeyExchange(crypto, crypto.generateDhKeyPair(new DhParameters(p, g), random));
    }

    /** The server's ServerDHParams: p, g and our Ys, unsigned and without leading zeros (RFC 5246 §7.4.3). */
    public ServerDhParams serverParams() {
        DhParameters params = keyPair.parameters();
        return new ServerDhParams(unsigned(params.p()), unsigned(params.g()), unsigned(keyPair.publicValue()));
    }

    /** The prime p in use. */
    public BigInteger p() {
        return keyPair.parameters().p();
    }

    @Override
    public byte[] publicValue() {
        return unsigned(keyPair.publicValue());
    }

    @Override
    public byte[] computePremaster(byte[] peerPublicValue) throws TlsAlertException {
        BigInteger y = new BigInteger(1, peerPublicValue);
        try {
            // RFC 5246 §8.1.2: Z with leading zero bytes stripped
            return crypto.dh(keyPair, y);
        } catch (KeyAgreementException e) {
            throw KeyExchangeErrors.illegalParameter("invalid DH public value: " + e.getMessage(), e);
        }
    }

    /** An unsigned big-endian integer with no leading zero byte (RFC 5246 §8.1.2's encoding). */
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "DheKeyExchange[p " + p().bitLength() + " bits]";
    }
}
