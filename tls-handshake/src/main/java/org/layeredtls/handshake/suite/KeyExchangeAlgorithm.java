package org.layeredtls.handshake.suite;

/**
 * How a cipher suite establishes the premaster secret, and how the server authenticates it
 * (RFC 5246 §7.4.3 and appendix F.1.1; RFC 4492/8422 §2 for the ECDHE kinds).
 */
public enum KeyExchangeAlgorithm {
    /** The client encrypts a random premaster secret to the server's RSA key; no ServerKeyExchange. */
    RSA(false, false, false),
    /** Ephemeral finite-field Diffie-Hellman, the parameters signed with the server's RSA key. */
    DHE_RSA(true, false, true),
    /** Ephemeral elliptic-curve Diffie-Hellman, signed with the server's RSA key. */
    ECDHE_RSA(true, true, true),
    /** Ephemeral elliptic-curve Diffie-Hellman, signed with the server's ECDSA key. */
    ECDHE_ECDSA(true, true, false),
    /**
     * TLS 1.3 (RFC 8446 §B.4): the suite does not name the key exchange; key_share (ECDHE, DHE or a
     * hybrid) and pre_shared_key agree on it, signature_algorithms on the authentication. Ephemeral
     * unless a psk_ke resumption leaves the key share out.
     */
    ANY(true, false, false),
    /** No key exchange: the signalling cipher suite values (SCSV), which are never negotiated. */
    NULL(false, false, false);

    private final boolean ephemeral;
    private final boolean elliptic;
    private final boolean rsaAuthenticated;

    KeyExchangeAlgorithm(boolean ephemeral, boolean elliptic, boolean rsaAuthenticated) {
        this.ephemeral = ephemeral;
        this.elliptic = elliptic;
        this.rsaAuthenticated = rsaAuthenticated;
    }

    /** Whether the server sends a ServerKeyExchange with signed ephemeral parameters (RFC 5246 §7.4.3). */
    public boolean isEphemeral() {
        return ephemeral;
    }

    /** Whether the key exchange is over an elliptic curve (ECDHE), rather than finite-field or RSA. */
    public boolean isElliptic() {
        return elliptic;
    }

    /** Whether the server's certificate carries an RSA key (RSA and *_RSA key exchanges). */
    public boolean isRsaAuthenticated() {
        return this == RSA || rsaAuthenticated;
    }
}
