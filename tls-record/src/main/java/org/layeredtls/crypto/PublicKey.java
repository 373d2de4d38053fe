package org.layeredtls.crypto;

/**
 * A public key as the certificate layer and the key exchanges see it: plain values, no
 * BouncyCastle type. {@link PublicKeyCrypto} turns it into the primitive it needs.
 */
public sealed interface PublicKey permits RsaPublicKey, EcPublicKey {
}
