package org.layeredtls.handshake.keyexchange;

import java.util.Objects;

/**
 * The server's answer to a client's key share (RFC 8446 §4.2.8): the share it puts in the
 * ServerHello and the shared secret both sides now hold. The arrays are copied in and out.
 *
 * @param publicShare  the key_exchange bytes of the ServerHello's KeyShareEntry
 * @param sharedSecret the (EC)DHE input of the key schedule
 */
public record ServerKeyShare(byte[] publicShare, byte[] sharedSecret) {

    public ServerKeyShare {
        publicShare = Objects.requireNonNull(publicShare, "publicShare").clone();
        sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret").clone();
    }

    @Override
    public byte[] publicShare() {
        return publicShare.clone();
    }

    @Override
    public byte[] sharedSecret() {
        return sharedSecret.clone();
    }

    /** Never shows the shared secret. */
    @Override
    public String toString() {
        return "ServerKeyShare[publicShare " + publicShare.length + " bytes, sharedSecret " + sharedSecret.length + " bytes]";
    }
}
