package org.layeredtls.handshake.keyexchange;

import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * The finite-field key share groups of RFC 7919 (ffdhe2048, ffdhe3072) in TLS 1.3. What changed
 * from TLS 1.2's DHE: the group is named, never sent as p and g, and every value has the size of
 * p. RFC 8446 §4.2.8.1: "the key_exchange field ... is the encoded value of Y, which is the
 * Diffie-Hellman public value, as a big-endian integer and padded to the left with zeros to the
 * size of p in bytes"; RFC 8446 §7.4.1: the shared secret Z is "left-padded with zeros up to the
 * size of the prime" (TLS 1.2 stripped its leading zeros instead). The peer's Y is checked as
 * RFC 7919 §5.1 says: 1 &lt; Y &lt; p-1 (and in the prime-order subgroup), else
 * {@code illegal_parameter}.
 */
public final class FfdheKeyShareGroup implements KeyShareGroup {

    private final DhGroup dhGroup;

    private FfdheKeyShareGroup(DhGroup dhGroup) {
        this.dhGroup = dhGroup;
    }

    /** The RFC 7919 group of a named group, if the stack has it. */
    static Optional<FfdheKeyShareGroup> of(NamedGroup group) {
        for (DhGroup dhGroup : DhGroup.values()) {
            if (dhGroup.namedGroup() == group) {
                return Optional.of(new FfdheKeyShareGroup(dhGroup));
            }
        }
        return Optional.empty();
    }

    @Override
    public NamedGroup group() {
        return dhGroup.namedGroup();
    }

    /** The size of p in bytes: the length of every share and of the shared secret. */
    public int primeLength() {
        return (dhGroup.p().bitLength() + 7) / 8;
    }

    @Override
    public ClientKeyShare generate(RandomSource random) {
        DheKeyExchange exchange = DheKeyExchange.generate(dhGroup, random);
        return new ClientKeyShare() {
            @Override
            public byte[] publicShare() {
                return leftPad(exchange.publicValue());
            }

            @Override
            public byte[] sharedSecret(byte[] serverShare) throws TlsAlertException {
                return agree(exchange, serverShare);
            }
        };
    }

    @Override
    public ServerKeyShare respond(byte[] clientShare, RandomSource random) throws TlsAlertException {
        DheKeyExchange exchange = DheKeyExchange.generate(dhGroup, random);
        return new ServerKeyShare(leftPad(exchange.publicValue()), agree(exchange, clientShare));
    }

    private byte[] agree(DheKeyExchange exchange, byte[] peerShare) throws TlsAlertException {
        // RFC 8446 §4.2.8.1: Y is padded to the size of p; any other length is not a share of this group
        if (peerShare.length != primeLength()) {
            throw KeyExchangeErrors.illegalParameter(group().rfcName() + " share of " + peerShare.length
                    + " bytes, not the " + primeLength() + " bytes of p");
        }
        // RFC 7919 §5.1: 1 < Y < p-1, checked by the key agreement (illegal_parameter)
        return leftPad(exchange.computePremaster(peerShare));
    }

    /** RFC 8446 §4.2.8.1, §7.4.1: left-padded with zeros to the size of p. */
    private byte[] leftPad(byte[] unsigned) {
        byte[] out = new byte[primeLength()];
        System.arraycopy(unsigned, 0, out, out.length - unsigned.length, unsigned.length);
        return out;
    }

    @Override
    public String toString() {
        return "KeyShareGroup[" + group().rfcName() + "]";
    }
}
