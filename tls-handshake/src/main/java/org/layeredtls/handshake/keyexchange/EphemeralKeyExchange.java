package org.layeredtls.handshake.keyexchange;

import org.layeredtls.alert.TlsAlertException;

/**
 * One side of an ephemeral Diffie-Hellman exchange (DHE, RFC 5246 §8.1.2; ECDHE, RFC 8422 §5.10):
 * a fresh key pair whose public value goes on the wire, and the premaster secret it agrees on with
 * the peer's public value. Each instance is used for one handshake only.
 */
public interface EphemeralKeyExchange {

    /**
     * Our public value in its wire form: DH {@code dh_Ys}/{@code dh_Yc} as an unsigned big-endian
     * integer without leading zeros (RFC 5246 §7.4.3, §7.4.7.2); an EC point uncompressed,
     * {@code 04 || X || Y} (RFC 8422 §5.4); an X25519 key as its 32 bytes (RFC 8422 §5.11).
     */
    byte[] publicValue();

    /**
     * The premaster secret agreed with the peer's public value: DH's Z with its leading zero bytes
     * stripped (RFC 5246 §8.1.2), ECDH's x-coordinate at the field's full length (RFC 8422 §5.10),
     * X25519's 32 bytes (RFC 8422 §5.11). The caller wipes it once the master secret is derived.
     *
     * @throws TlsAlertException {@code illegal_parameter} if the peer's value is not a valid
     *                           public value of the group (RFC 8422 §5.11: it MUST be rejected)
     */
    byte[] computePremaster(byte[] peerPublicValue) throws TlsAlertException;
}
