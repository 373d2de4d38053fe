package org.layeredtls.handshake.keyexchange;

import java.util.Arrays;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.layeredtls.crypto.RandomSource;

/**
 * ML-KEM-768 (FIPS 203), the module-lattice key encapsulation mechanism, on BouncyCastle's
 * primitives. A KEM is not Diffie-Hellman: one side publishes an encapsulation key, the other
 * encapsulates a fresh secret to it and sends the ciphertext, and only the holder of the
 * decapsulation key gets the secret back out.
 * <ul>
 *   <li>{@link #generate}: ML-KEM.KeyGen (FIPS 203 §7.1) from the 64-byte seed d || z drawn from the
 *       stack's RandomSource; the encapsulation key is 1184 bytes;</li>
 *   <li>{@link #encapsulate}: ML-KEM.Encaps (§7.2) with the 32-byte message m drawn from the
 *       RandomSource, after the input checks of §7.2 ({@link #isValidEncapsulationKey});
 *       the ciphertext is 1088 bytes, the shared secret 32;</li>
 *   <li>{@link DecapsulationKey#decapsulate}: ML-KEM.Decaps (§7.3). A wrong ciphertext of the
 *       right length does not fail: FIPS 203's implicit rejection returns a pseudorandom secret,
 *       so the handshake fails later, at Finished.</li>
 * </ul>
 * The randomness is drawn by this class and handed to BouncyCastle's deterministic "internal"
 * algorithms (FIPS 203 §6), so an injected deterministic RandomSource reproduces a run.
 */
final class MlKem768 {

    private static final MLKEMParameters PARAMETERS = MLKEMParameters.ml_kem_768;
    /** FIPS 203 §8, table 3: k = 3 for ML-KEM-768. */
    private static final int K = 3;
    /** FIPS 203 §2.4: the modulus q. */
    private static final int Q = 3329;
    /** FIPS 203 §7.1: the seed d || z of ML-KEM.KeyGen_internal, 32 bytes each. */
    private static final int SEED_LENGTH = 64;
    /** FIPS 203 §6.2: the message m of ML-KEM.Encaps_internal. */
    private static final int MESSAGE_LENGTH = 32;

    /** FIPS 203 §8, table 3: ek is 384k + 32 bytes. */
    static final int ENCAPSULATION_KEY_LENGTH = 384 * K + 32;
    /** FIPS 203 §8, table 3: c is 32(d_u k + d_v) bytes, d_u = 10, d_v = 4. */
    static final int CIPHERTEXT_LENGTH = 32 * (10 * K + 4);
    /** FIPS 203 §8, table 3: the shared secret K is 32 bytes. */
    static final int SHARED_SECRET_LENGTH = 32;

    private MlKem768() {
    }

    /** The private half of a key pair, and its encapsulation key. */
    static final class DecapsulationKey {
        private final MLKEMPrivateKeyParameters privateKey;

        private DecapsulationKey(MLKEMPrivateKeyParameters privateKey) {
            this.privateKey = privateKey;
        }

        /** The encapsulation key ek, 1184 bytes. */
        byte[] encapsulationKey() {
            return privateKey.getPublicKeyParameters().getEncoded();
        }

        /**
         * ML-KEM.Decaps (FIPS 203 §7.3) of a ciphertext of the right length (the caller checks it:
         * §7.3's ciphertext type check).
         */
        byte[] decapsulate(byte[] ciphertext) {
            if (ciphertext.length != CIPHERTEXT_LENGTH) {
                throw new IllegalArgumentException("an ML-KEM-768 ciphertext is " + CIPHERTEXT_LENGTH + " bytes");
            }
            return new MLKEMExtractor(privateKey).extractSecret(ciphertext);
        }
    }

    /** The encapsulated secret and the ciphertext that carries it. */
    record Encapsulation(byte[] sharedSecret, byte[] ciphertext) {
    }

    /** ML-KEM.KeyGen (FIPS 203 §7.1): a fresh key pair from 64 random bytes. */
    static DecapsulationKey generate(RandomSource random) {
        byte[] seed = random.nextBytes(SEED_LENGTH);
        try {
            return new DecapsulationKey(new MLKEMPrivateKeyParameters(PARAMETERS, seed));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * ML-KEM.Encaps (FIPS 203 §7.2) to an encapsulation key that passed
     * {@link #isValidEncapsulationKey} (the caller checks it and raises the alert).
     */
    static Encapsulation encapsulate(byte[] encapsulationKey, RandomSource random) {
        if (!isValidEncapsulationKey(encapsulationKey)) {
            throw new IllegalArgumentException("not an ML-KEM-768 encapsulation key");
        }
        byte[] message = random.nextBytes(MESSAGE_LENGTH);
        try {
            SecretWithEncapsulation result = MLKEMGenerator.internalGenerateEncapsulated(
                    new MLKEMPublicKeyParameters(PARAMETERS, encapsulationKey), message);
            return new Encapsulation(result.getSecret(), result.getEncapsulation());
        } finally {
            Arrays.fill(message, (byte) 0);
        }
    }

    /**
     * The input checks of ML-KEM.Encaps (FIPS 203 §7.2): the type check (ek is 384k + 32 bytes)
     * and the modulus check (ByteEncode12(ByteDecode12(ek[0:384k])) = ek[0:384k], that is, every
     * 12-bit coefficient of the encoded vector t is below q).
     */
    static boolean isValidEncapsulationKey(byte[] encapsulationKey) {
        if (encapsulationKey.length != ENCAPSULATION_KEY_LENGTH) {
            return false;
        }
        boolean valid = true;
        // FIPS 203 §4.2.1 ByteDecode12: two 12-bit integers from each 3 bytes, least significant bits first
        for (int i = 0; i < 384 * K; i += 3) {
            int b0 = encapsulationKey[i] & 0xFF;
            int b1 = encapsulationKey[i + 1] & 0xFF;
            int b2 = encapsulationKey[i + 2] & 0xFF;
            int first = b0 | (b1 & 0x0F) << 8;
            int second = b1 >>> 4 | b2 << 4;
            valid &= first < Q & second < Q;
        }
        return valid;
    }
}
