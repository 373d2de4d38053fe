package org.layeredtls.handshake.keyexchange;

import org.layeredtls.alert.TlsAlertException;

/**
 * The client's half of a TLS 1.3 key share (RFC 8446 §4.2.8): the public share it put in its
 * ClientHello, and the private half that turns the server's share into the shared secret. Used
 * for one handshake only.
 */
public interface ClientKeyShare {

    /** The key_exchange bytes of the client's KeyShareEntry. */
    byte[] publicShare();

    /**
     * The shared secret agreed with the server's share (the ServerHello's KeyShareEntry), the
     * (EC)DHE input of the key schedule. The caller wipes it once the Handshake Secret is derived.
     *
     * @throws TlsAlertException {@code illegal_parameter} if the server's share is not a valid
     *                           value of the group
     */
    byte[] sharedSecret(byte[] serverShare) throws TlsAlertException;
}
