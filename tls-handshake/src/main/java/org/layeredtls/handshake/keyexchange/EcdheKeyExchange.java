package org.layeredtls.handshake.keyexchange;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.KeyAgreement;
import org.layeredtls.crypto.KeyAgreementException;
import org.layeredtls.crypto.KeyPair;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.ServerEcdhParams;

/**
 * ECDHE (RFC 8422 §2.2, §5.10): an ephemeral key pair on a named curve, NIST P-256, P-384, P-521
 * or X25519. The server sends its point in ServerECDHParams, the client in its ClientKeyExchange,
 * and each side computes the premaster secret from the other's point.
 *
 * <p>A peer's point that fails validation (RFC 8422 §5.11: off the curve, the point at infinity,
 * not in the uncompressed form, the wrong length, an X25519 low-order point) is
 * {@code illegal_parameter}, as OpenSSL and Go answer: the field is out of range (RFC 5246 §7.2.2).
 */
public final class EcdheKeyExchange implements EphemeralKeyExchange {

    /** The private half and the agreement it runs, for one group. */
    @FunctionalInterface
    private interface Agreement {
        byte[] agree(byte[] peerPublicValue) throws KeyAgreementException;
    }

    private final NamedGroup group;
    private final byte[] publicValue;
    private final Agreement agreement;

    private EcdheKeyExchange(NamedGroup group, byte[] publicValue, Agreement agreement) {
        this.group = group;
        this.publicValue = publicValue;
        this.agreement = agreement;
    }

    /** Whether this stack can run ECDHE on {@code group}. */
    public static boolean supports(NamedGroup group) {
        return group == NamedGroup.X25519 || curveOf(group).isPresent();
    }

    /** A fresh key pair on {@code group} on the default crypto seam. */
    public static EcdheKeyExchange generate(NamedGroup group, RandomSource random) {
        return generate(group, random, KeyAgreement.defaultImplementation());
    }

    /**
     * A fresh key pair on {@code group}.
     *
     * @throws IllegalArgumentException if the group is not one {@link #supports} names
     */
    public static EcdheKeyExchange generate(NamedGroup group, RandomSource random, KeyAgreement crypto) {
        Objects.requireNonNull(random, "random");
        if (group == NamedGroup.X25519) {
            byte[] privateKey = crypto.generateX25519PrivateKey(random);
            return new EcdheKeyExchange(group, crypto.x25519PublicKey(privateKey),
                    peer -> crypto.x25519(privateKey, peer));
        }
        NamedCurve curve = curveOf(group).orElseThrow(
                () -> new IllegalArgumentException("no ECDHE on " + group.rfcName()));
        KeyPair pair = crypto.generateEcKeyPair(curve, random);
        EcPrivateKey privateKey = (EcPrivateKey) pair.privateKey();
        return new EcdheKeyExchange(group, ((EcPublicKey) pair.publicKey()).encodedPoint(),
                peer -> crypto.ecdh(privateKey, peer));
    }

    /**
     * The client's half for the curve a ServerECDHParams names. RFC 8422 §5.4: the server picks
     * one of the curves the client offered; any other (unknown, not offered, or one we cannot run)
     * is {@code illegal_parameter}, as OpenSSL answers ("wrong curve").
     */
    public static EcdheKeyExchange forServerCurve(int namedCurve, Collection<NamedGroup> offered, RandomSource random)
            throws TlsAlertException {
        Optional<NamedGroup> group = NamedGroup.fromCode(namedCurve);
        if (group.isEmpty() || !offered.contains(group.get()) || !group.get().isEllipticCurve()
                || !supports(group.get())) {
            throw KeyExchangeErrors.illegalParameter("ServerECDHParams names curve " + namedCurve
                    + ", which the client did not offer");
        }
        return generate(group.get(), random);
    }

    /** The curve of a NamedGroup, for the NIST curves. */
    static Optional<NamedCurve> curveOf(NamedGroup group) {
        return switch (group) {
            case SECP256R1 -> Optional.of(NamedCurve.SECP256R1);
            case SECP384R1 -> Optional.of(NamedCurve.SECP384R1);
            case SECP521R1 -> Optional.of(NamedCurve.SECP521R1);
            default -> Optional.empty();
        };
    }

    /** The group this exchange runs on. */
    public NamedGroup group() {
        return group;
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    /** The server's ServerECDHParams: the named curve and our point (RFC 8422 §5.4). */
    public ServerEcdhParams serverParams() {
        return new ServerEcdhParams(group, publicValue);
    }

    @Override
    public byte[] computePremaster(byte[] peerPublicValue) throws TlsAlertException {
        try {
            return agreement.agree(peerPublicValue.clone());
        } catch (KeyAgreementException e) {
            // RFC 8422 §5.11: a point that fails validation MUST be rejected
            throw KeyExchangeErrors.illegalParameter("invalid " + group.rfcName() + " public value: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EcdheKeyExchange[" + group.rfcName() + "]";
    }
}
