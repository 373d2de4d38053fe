package org.layeredtls.handshake.cert;

import org.layeredtls.crypto.KeyPair;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RandomSource;

/** The key types the certificate tool generates. */
public enum KeyAlgorithm {
    RSA_2048,
    EC_P256,
    EC_P384;

    /** A fresh key pair of this type. */
    public KeyPair generate(RandomSource random) {
        PublicKeyCrypto crypto = PublicKeyCrypto.defaultImplementation();
        return switch (this) {
            case RSA_2048 -> crypto.generateRsaKeyPair(2048, random);
            case EC_P256 -> crypto.generateEcKeyPair(NamedCurve.SECP256R1, random);
            case EC_P384 -> crypto.generateEcKeyPair(NamedCurve.SECP384R1, random);
        };
    }
}
