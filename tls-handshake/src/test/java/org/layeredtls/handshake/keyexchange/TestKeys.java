package org.layeredtls.handshake.keyexchange;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.KeyPair;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.crypto.PublicKeyCrypto;

/** Key pairs shared by the tests of this package, made once (RSA key generation is slow). */
final class TestKeys {

    static final KeyPair RSA = PublicKeyCrypto.defaultImplementation()
            .generateRsaKeyPair(2048, DeterministicRandomSource.fromLabel("keyexchange rsa"));
    static final KeyPair OTHER_RSA = PublicKeyCrypto.defaultImplementation()
            .generateRsaKeyPair(1024, DeterministicRandomSource.fromLabel("keyexchange other rsa"));
    static final KeyPair P256 = PublicKeyCrypto.defaultImplementation()
            .generateEcKeyPair(NamedCurve.SECP256R1, DeterministicRandomSource.fromLabel("keyexchange p256"));
    static final KeyPair P384 = PublicKeyCrypto.defaultImplementation()
            .generateEcKeyPair(NamedCurve.SECP384R1, DeterministicRandomSource.fromLabel("keyexchange p384"));

    private TestKeys() {
    }
}
