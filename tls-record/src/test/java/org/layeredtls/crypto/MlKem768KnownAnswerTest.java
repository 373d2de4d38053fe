package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ML-KEM-768 behind the seam ({@link CryptoProvider#keyEncapsulation()}); the JDK backend lends
 * BouncyCastle's (JDK 17 has no ML-KEM), which a test checks, and the input checks run on both.
 *
 * <p>The known answer is C2SP CCTV's accumulated vector for final FIPS 203 (c2sp.org/CCTV/ML-KEM,
 * "Accumulated pq-crystals vectors"): 10 000 consecutive tests whose inputs d, z, m and a random
 * ciphertext are drawn, in that order, from one SHAKE-128 stream over the empty string, and whose
 * outputs ek, dk, ct, K (Encaps) and K (Decaps of the random ciphertext, implicit rejection) are
 * absorbed, in that order, by a second SHAKE-128 whose first 32 output bytes must be the published
 * hash. The same hash is checked by other ML-KEM implementations' test suites (Rust, TypeScript).
 */
class MlKem768KnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();
    /** C2SP CCTV, ML-KEM-768, 10 000 tests, final FIPS 203 (k appended to d). */
    private static final byte[] ACCUMULATED_10000 = HEX.parseHex("f959d18d3d1180121433bf0e05f11e7908cf9d03edc150b2b07cb90bef5bc1c1");
    private static final int TESTS = 10_000;

    /** One SHAKE-128 output stream read front to back: CCTV's deterministic RNG. */
    private static final class ShakeStream implements RandomSource {
        private final SHAKEDigest shake = new SHAKEDigest(128);

        @Override
        public void nextBytes(byte[] out, int offset, int length) {
            shake.doOutput(out, offset, length);
        }
    }

    /** On BouncyCastle (10 s here); the JDK backend lends the same object, as the next test checks. */
    @Test
    void tenThousandKeyGenEncapsDecapsRunsHashToTheCctvAccumulatedValue() throws Exception {
        KeyEncapsulation kem = CryptoBackend.BOUNCY_CASTLE.provider().keyEncapsulation();
        ShakeStream rng = new ShakeStream();
        SHAKEDigest accumulator = new SHAKEDigest(128);
        for (int i = 0; i < TESTS; i++) {
            KeyEncapsulation.MlKemKeyPair pair = kem.generateMlKem768KeyPair(rng); // d, then z
            KeyEncapsulation.Encapsulation encapsulation = kem.mlKem768Encapsulate(pair.encapsulationKey(), rng); // m
            byte[] randomCiphertext = rng.nextBytes(KeyEncapsulation.ML_KEM_768_CIPHERTEXT_LENGTH);
            byte[] decapsulated = kem.mlKem768Decapsulate(pair.decapsulationKey(), encapsulation.ciphertext());
            assertArrayEquals(encapsulation.sharedSecret(), decapsulated, "test " + i + ": Decaps(dk, ct) differs from Encaps's K");
            byte[] rejected = kem.mlKem768Decapsulate(pair.decapsulationKey(), randomCiphertext);
            for (byte[] output : new byte[][] {pair.encapsulationKey(), pair.decapsulationKey(), encapsulation.ciphertext(),
                    encapsulation.sharedSecret(), rejected}) {
                accumulator.update(output, 0, output.length);
            }
        }
        byte[] hash = new byte[32];
        accumulator.doFinal(hash, 0, hash.length);
        assertEquals(HEX.formatHex(ACCUMULATED_10000), HEX.formatHex(hash));
    }

    /** JDK 17 has no ML-KEM: the JDK backend says it lends BouncyCastle's, and does. */
    @Test
    void theJdkBackendLendsBouncyCastlesMlKem() {
        assertSame(BouncyCastleKeyEncapsulation.INSTANCE, CryptoBackend.JDK.provider().keyEncapsulation());
        assertSame(BouncyCastleKeyEncapsulation.INSTANCE, CryptoBackend.BOUNCY_CASTLE.provider().keyEncapsulation());
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void keysCiphertextAndSecretHaveTheFips203Lengths(CryptoBackend backend) throws Exception {
        KeyEncapsulation kem = backend.provider().keyEncapsulation();
        KeyEncapsulation.MlKemKeyPair pair = kem.generateMlKem768KeyPair(new ShakeStream());
        assertEquals(1184, pair.encapsulationKey().length);
        assertEquals(2400, pair.decapsulationKey().length);
        KeyEncapsulation.Encapsulation encapsulation = kem.mlKem768Encapsulate(pair.encapsulationKey(), new ShakeStream());
        assertEquals(1088, encapsulation.ciphertext().length);
        assertEquals(32, encapsulation.sharedSecret().length);
    }

    /** FIPS 203 §7.2 modulus check: a coefficient of q = 3329 (0xD01) in the first 12 bits is refused. */
    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void refusesAnEncapsulationKeyWithACoefficientNotBelowQ(CryptoBackend backend) {
        KeyEncapsulation kem = backend.provider().keyEncapsulation();
        byte[] encapsulationKey = kem.generateMlKem768KeyPair(new ShakeStream()).encapsulationKey();
        encapsulationKey[0] = 0x01;
        encapsulationKey[1] = (byte) ((encapsulationKey[1] & 0xF0) | 0x0D);
        assertFalse(BouncyCastleKeyEncapsulation.passesModulusCheck(encapsulationKey));
        assertThrows(KeyAgreementException.class, () -> kem.mlKem768Encapsulate(encapsulationKey, new ShakeStream()));
    }

    @ParameterizedTest
    @EnumSource(CryptoBackend.class)
    void refusesAnEncapsulationKeyOrACiphertextOfAnotherLength(CryptoBackend backend) {
        KeyEncapsulation kem = backend.provider().keyEncapsulation();
        KeyEncapsulation.MlKemKeyPair pair = kem.generateMlKem768KeyPair(new ShakeStream());
        assertThrows(KeyAgreementException.class, () -> kem.mlKem768Encapsulate(new byte[1183], new ShakeStream()));
        assertThrows(KeyAgreementException.class, () -> kem.mlKem768Decapsulate(pair.decapsulationKey(), new byte[1087]));
        assertThrows(KeyAgreementException.class, () -> kem.mlKem768Decapsulate(pair.decapsulationKey(), new byte[1089]));
    }
}
