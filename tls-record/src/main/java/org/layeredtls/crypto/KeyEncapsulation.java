package org.layeredtls.crypto;

/**
 * The key-encapsulation half of the crypto seam: ML-KEM-768 (FIPS 203), the module-lattice KEM of
 * TLS 1.3's post-quantum hybrid X25519MLKEM768. A KEM is not Diffie-Hellman: one side publishes an
 * encapsulation key, the other encapsulates a fresh secret to it and sends the ciphertext, and only
 * the holder of the decapsulation key gets the secret back out. The shapes follow
 * {@link KeyAgreement}: keys and values are the bytes FIPS 203 defines, the randomness comes from
 * the stack's {@link RandomSource} (so an injected deterministic source reproduces a run), and a
 * peer value that fails FIPS 203's input checks is a {@link KeyAgreementException}, never another
 * exception. {@link BouncyCastleKeyEncapsulation} implements it on BouncyCastle's lightweight API.
 */
public interface KeyEncapsulation {

    /** FIPS 203 §8, table 3: k = 3 for ML-KEM-768. */
    int ML_KEM_768_K = 3;
    /** FIPS 203 §8, table 3: the encapsulation key ek is 384k + 32 bytes. */
    int ML_KEM_768_ENCAPSULATION_KEY_LENGTH = 384 * ML_KEM_768_K + 32;
    /** FIPS 203 §8, table 3: the decapsulation key dk is 768k + 96 bytes (dk_PKE || ek || H(ek) || z). */
    int ML_KEM_768_DECAPSULATION_KEY_LENGTH = 768 * ML_KEM_768_K + 96;
    /** FIPS 203 §8, table 3: the ciphertext c is 32(d_u k + d_v) bytes, d_u = 10, d_v = 4. */
    int ML_KEM_768_CIPHERTEXT_LENGTH = 32 * (10 * ML_KEM_768_K + 4);
    /** FIPS 203 §8, table 3: the shared secret K is 32 bytes. */
    int ML_KEM_SHARED_SECRET_LENGTH = 32;

    /** An ML-KEM key pair, each key in its FIPS 203 encoding. */
    record MlKemKeyPair(byte[] encapsulationKey, byte[] decapsulationKey) {
    }

    /** The encapsulated shared secret and the ciphertext that carries it. */
    record Encapsulation(byte[] sharedSecret, byte[] ciphertext) {
    }

    /**
     * ML-KEM.KeyGen (FIPS 203 §7.1): a key pair from the 64 bytes d || z drawn from {@code random},
     * d first, then z.
     */
    MlKemKeyPair generateMlKem768KeyPair(RandomSource random);

    /**
     * ML-KEM.Encaps (FIPS 203 §7.2) to a peer's encapsulation key, with the 32-byte message m drawn
     * from {@code random}. The key must pass §7.2's input checks: the type check (exactly
     * {@link #ML_KEM_768_ENCAPSULATION_KEY_LENGTH} bytes) and the modulus check (every 12-bit
     * coefficient of the encoded vector below q = 3329).
     */
    Encapsulation mlKem768Encapsulate(byte[] encapsulationKey, RandomSource random) throws KeyAgreementException;

    /**
     * ML-KEM.Decaps (FIPS 203 §7.3): the shared secret a ciphertext carries. The ciphertext must be
     * exactly {@link #ML_KEM_768_CIPHERTEXT_LENGTH} bytes (§7.3's ciphertext type check). A wrong
     * ciphertext of the right length does not fail: FIPS 203's implicit rejection returns a
     * pseudorandom secret, so a TLS handshake fails later, at Finished.
     */
    byte[] mlKem768Decapsulate(byte[] decapsulationKey, byte[] ciphertext) throws KeyAgreementException;

    /** The default implementation (BouncyCastle's lightweight API). */
    static KeyEncapsulation defaultImplementation() {
        return BouncyCastleKeyEncapsulation.INSTANCE;
    }
}
