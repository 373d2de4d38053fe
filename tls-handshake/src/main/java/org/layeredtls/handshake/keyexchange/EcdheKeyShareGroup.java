package org.layeredtls.handshake.keyexchange;

import java.util.Objects;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * The elliptic-curve key share groups (RFC 8446 §4.2.8.2): x25519 and the NIST curves. The
 * arithmetic and the checks are the ones TLS 1.2's ECDHE already runs ({@link EcdheKeyExchange}):
 * a NIST point must be uncompressed, of the exact length and on the curve; an X25519 key must be
 * 32 bytes and must not give the all-zero secret (RFC 8446 §7.4.2). Only the framing differs: the
 * share travels in key_share instead of ServerECDHParams and ClientKeyExchange.
 */
public final class EcdheKeyShareGroup implements KeyShareGroup {

    private final NamedGroup group;

    /** @throws IllegalArgumentException if the stack cannot run ECDHE on {@code group} */
    EcdheKeyShareGroup(NamedGroup group) {
        if (!EcdheKeyExchange.supports(Objects.requireNonNull(group, "group"))) {
            throw new IllegalArgumentException("no ECDHE on " + group.rfcName());
        }
        this.group = group;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public ClientKeyShare generate(RandomSource random) {
        EcdheKeyExchange exchange = EcdheKeyExchange.generate(group, random);
        return new ClientKeyShare() {
            @Override
            public byte[] publicShare() {
                return exchange.publicValue();
            }

            @Override
            public byte[] sharedSecret(byte[] serverShare) throws TlsAlertException {
                // RFC 8446 §4.2.8.2: the peer's value is validated (EcdheKeyExchange: illegal_parameter)
                return exchange.computePremaster(serverShare);
            }
        };
    }

    @Override
    public ServerKeyShare respond(byte[] clientShare, RandomSource random) throws TlsAlertException {
        EcdheKeyExchange exchange = EcdheKeyExchange.generate(group, random);
        return new ServerKeyShare(exchange.publicValue(), exchange.computePremaster(clientShare));
    }

    @Override
    public String toString() {
        return "KeyShareGroup[" + group.rfcName() + "]";
    }
}
