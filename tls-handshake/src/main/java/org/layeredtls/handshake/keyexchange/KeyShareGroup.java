package org.layeredtls.handshake.keyexchange;

import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * A group a TLS 1.3 key_share can be in (RFC 8446 §4.2.8): how its client share is made, how a
 * server answers one, and how each side gets the shared secret that enters the key schedule as
 * the (EC)DHE input of the Handshake Secret (RFC 8446 §7.1).
 *
 * <p>In TLS 1.2 the client learnt the group from the ServerKeyExchange and answered in the
 * ClientKeyExchange ({@link EphemeralKeyExchange}); in TLS 1.3 the client guesses: it sends a share
 * per group it expects the server to pick in its first flight, and the server, if it picks one of
 * them, answers in the ServerHello. The shapes of the shares (RFC 8446 §4.2.8.1, §4.2.8.2):
 * <ul>
 *   <li>x25519: the 32-byte public key; the shared secret is X25519's output (all zero refused);</li>
 *   <li>secp256r1/secp384r1/secp521r1: the uncompressed point {@code 04 || X || Y}, checked on
 *       the curve; the shared secret is the x-coordinate at the field's length;</li>
 *   <li>ffdhe2048/ffdhe3072: Y as a big-endian integer left-padded to the size of p, with
 *       1 &lt; Y &lt; p-1; the shared secret Z left-padded to the size of p too;</li>
 *   <li>X25519MLKEM768 (0x11EC), the hybrid of ML-KEM-768 (FIPS 203) and X25519: see
 *       {@link X25519MlKem768KeyShareGroup}.</li>
 * </ul>
 * A share that is not a valid value of its group is {@code illegal_parameter}.
 */
public sealed interface KeyShareGroup permits EcdheKeyShareGroup, FfdheKeyShareGroup, X25519MlKem768KeyShareGroup {

    /**
     * The key share group for a named group, if this stack can run it in a TLS 1.3 key_share, on the
     * default crypto provider.
     */
    static Optional<KeyShareGroup> of(NamedGroup group) {
        return of(group, CryptoProvider.defaultProvider());
    }

    /**
     * The key share group for a named group, if this stack can run it in a TLS 1.3 key_share, with
     * the KEM of {@code crypto} (the connection's {@code TlsConfig.crypto()}).
     */
    static Optional<KeyShareGroup> of(NamedGroup group, CryptoProvider crypto) {
        if (group == NamedGroup.X25519MLKEM768) {
            return Optional.of(X25519MlKem768KeyShareGroup.on(crypto));
        }
        if (EcdheKeyExchange.supports(group)) {
            return Optional.of(new EcdheKeyShareGroup(group));
        }
        return FfdheKeyShareGroup.of(group).map(KeyShareGroup.class::cast);
    }

    /** The named group, as it goes in KeyShareEntry.group. */
    NamedGroup group();

    /** The client's side: a fresh key pair (or encapsulation key) whose public share goes in the ClientHello. */
    ClientKeyShare generate(RandomSource random);

    /**
     * The server's side: answers the client's share with its own and computes the shared secret.
     *
     * @throws TlsAlertException {@code illegal_parameter} if the client's share is not a valid
     *                           value of the group
     */
    ServerKeyShare respond(byte[] clientShare, RandomSource random) throws TlsAlertException;
}
