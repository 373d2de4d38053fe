package org.layeredtls.crypto;

/**
 * A private key as plain values, no BouncyCastle type. Implementations never print their secret
 * parts in {@code toString()}.
 */
public sealed interface PrivateKey permits RsaPrivateKey, EcPrivateKey {
}
