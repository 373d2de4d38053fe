package org.layeredtls.crypto;

import java.util.Objects;

/** A public key and its private key. */
public record KeyPair(PublicKey publicKey, PrivateKey privateKey) {

    public KeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
