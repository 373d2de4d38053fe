package org.layeredtls.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * {@link KeyEncapsulation} on BouncyCastle's lightweight API ({@code org.bouncycastle.crypto.kems}).
 * The randomness is drawn here and handed to BouncyCastle's deterministic "internal" algorithms
 * (FIPS 203 §6), so the stack's {@link RandomSource} decides every bit. Stateless and thread-safe.
 */
public final class BouncyCastleKeyEncapsulation implements KeyEncapsulation {

    public static final BouncyCastleKeyEncapsulation INSTANCE = new BouncyCastleKeyEncapsulation();

    private static final MLKEMParameters ML_KEM_768 = MLKEMParameters.ml_kem_768;
    /** FIPS 203 §2.4: the modulus q. */
    private static final int Q = 3329;
    /** FIPS 203 §7.1: the seed d || z of ML-KEM.KeyGen_internal, 32 bytes each. */
    private static final int SEED_LENGTH = 64;
    /** FIPS 203 §6.2: the message m of ML-KEM.Encaps_internal. */
    private static final int MESSAGE_LENGTH = 32;

    private BouncyCastleKeyEncapsulation() {
    }

    @Override
    public MlKemKeyPair generateMlKem768KeyPair(RandomSource random) {
        byte[] seed = random.nextBytes(SEED_LENGTH);
        try {
            MLKEMPrivateKeyParameters privateKey = new MLKEMPrivateKeyParameters(ML_KEM_768, seed)
                    .withPreferredFormat(MLKEMPrivateKeyParameters.EXPANDED_KEY);
            return new MlKemKeyPair(privateKey.getPublicKeyParameters().getEncoded(), privateKey.getEncoded());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public Encapsulation mlKem768Encapsulate(byte[] encapsulationKey, RandomSource random) throws KeyAgreementException {
        // FIPS 203 §7.2: the input checks, before encapsulating to the key
        if (encapsulationKey.length != ML_KEM_768_ENCAPSULATION_KEY_LENGTH) {
            throw new KeyAgreementException("an ML-KEM-768 encapsulation key is " + ML_KEM_768_ENCAPSULATION_KEY_LENGTH
                    + " bytes, not " + encapsulationKey.length);
        }
        if (!passesModulusCheck(encapsulationKey)) {
            throw new KeyAgreementException("the ML-KEM-768 encapsulation key fails the FIPS 203 modulus check");
        }
        byte[] message = random.nextBytes(MESSAGE_LENGTH);
        try {
            SecretWithEncapsulation result = MLKEMGenerator.internalGenerateEncapsulated(
                    new MLKEMPublicKeyParameters(ML_KEM_768, encapsulationKey), message);
            return new Encapsulation(result.getSecret(), result.getEncapsulation());
        } finally {
            Arrays.fill(message, (byte) 0);
        }
    }

    @Override
    public byte[] mlKem768Decapsulate(byte[] decapsulationKey, byte[] ciphertext) throws KeyAgreementException {
        // FIPS 203 §7.3: the ciphertext type check
        if (ciphertext.length != ML_KEM_768_CIPHERTEXT_LENGTH) {
            throw new KeyAgreementException("an ML-KEM-768 ciphertext is " + ML_KEM_768_CIPHERTEXT_LENGTH
                    + " bytes, not " + ciphertext.length);
        }
        if (decapsulationKey.length != ML_KEM_768_DECAPSULATION_KEY_LENGTH) {
            throw new IllegalArgumentException("an ML-KEM-768 decapsulation key is " + ML_KEM_768_DECAPSULATION_KEY_LENGTH
                    + " bytes, not " + decapsulationKey.length);
        }
        return new MLKEMExtractor(new MLKEMPrivateKeyParameters(ML_KEM_768, decapsulationKey)).extractSecret(ciphertext);
    }

    /**
     * FIPS 203 §7.2 modulus check: ByteEncode12(ByteDecode12(ek[0:384k])) = ek[0:384k], that is,
     * every 12-bit coefficient of the encoded vector t is below q. Runs over the whole key whatever it holds.
     */
    static boolean passesModulusCheck(byte[] encapsulationKey) {
        boolean valid = true;
        // FIPS 203 §4.2.1 ByteDecode12: two 12-bit integers from each 3 bytes, least significant bits first
        for (int i = 0; i < 384 * ML_KEM_768_K; i += 3) {
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
