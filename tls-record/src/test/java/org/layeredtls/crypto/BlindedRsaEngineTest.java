package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link BlindedRsaEngine} gives exactly the unblinded private operation's result (BouncyCastle's {@link RSAEngine}),
 * in both directions and across several fresh blinding values; and {@link RsaBlinding} hands out pairs
 * (r^e, r^-1) that are inverse of each other, never the same pair twice, squared between fresh draws of r and
 * drawn afresh every {@value RsaBlinding#USES_PER_FRESH_R} uses (Kocher '96 §10, OpenSSL's BN_BLINDING).
 */
class BlindedRsaEngineTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static RsaPrivateKey key;
    private static RSAPrivateCrtKeyParameters crt;

    @BeforeAll
    static void key() {
        key = (RsaPrivateKey) BouncyCastlePublicKeyCrypto.INSTANCE.generateRsaKeyPair(2048, (out, off, len) -> {
            byte[] b = new byte[len];
            RANDOM.nextBytes(b);
            System.arraycopy(b, 0, out, off, len);
        }).privateKey();
        crt = new RSAPrivateCrtKeyParameters(key.modulus(), key.publicExponent(), key.privateExponent(), key.prime1(),
                key.prime2(), key.exponent1(), key.exponent2(), key.coefficient());
    }

    @Test
    void everyPrivateOperationEqualsTheUnblindedOneInBothDirections() {
        int operations = 3 * RsaBlinding.USES_PER_FRESH_R + 5; // over several fresh draws of r
        for (boolean forEncryption : new boolean[] {true, false}) {
            BlindedRsaEngine blinded = new BlindedRsaEngine(key);
            blinded.init(forEncryption, new ParametersWithRandom(crt, RANDOM));
            RSAEngine plain = new RSAEngine();
            plain.init(forEncryption, crt);
            assertEquals(plain.getInputBlockSize(), blinded.getInputBlockSize());
            assertEquals(plain.getOutputBlockSize(), blinded.getOutputBlockSize());
            for (int i = 0; i < operations; i++) {
                byte[] input = BigIntegers.asUnsignedByteArray(
                        BigIntegers.createRandomInRange(BigInteger.ONE, key.modulus().subtract(BigInteger.ONE), RANDOM));
                if (input.length > plain.getInputBlockSize()) {
                    continue; // a k-byte value is no input for the signing direction
                }
                assertArrayEquals(plain.processBlock(input, 0, input.length),
                        blinded.processBlock(input, 0, input.length), "operation " + i + ", forEncryption " + forEncryption);
            }
        }
    }

    @Test
    void anInputOfTheModulusOrMoreIsRefused() {
        BlindedRsaEngine blinded = new BlindedRsaEngine(key);
        blinded.init(false, crt);
        byte[] n = BigIntegers.asUnsignedByteArray(key.modulus());
        assertThrows(DataLengthException.class, () -> blinded.processBlock(n, 0, n.length));
        byte[] tooLong = new byte[n.length + 1];
        tooLong[n.length] = 1;
        assertThrows(DataLengthException.class, () -> blinded.processBlock(tooLong, 0, tooLong.length));
    }

    @Test
    void pairsAreInversesUsedOnceSquaredBetweenFreshDrawsOfR() {
        RsaBlinding blinding = new RsaBlinding(key.modulus(), key.publicExponent(), RANDOM); // its own, not the key's shared one
        BigInteger n = key.modulus();
        List<BigInteger[]> pairs = new ArrayList<>();
        for (int i = 0; i < 2 * RsaBlinding.USES_PER_FRESH_R + 1; i++) {
            pairs.add(blinding.next());
        }
        for (int i = 0; i < pairs.size(); i++) {
            BigInteger[] pair = pairs.get(i);
            // r^e * (r^-1)^e = 1 mod n
            assertEquals(BigInteger.ONE, pair[0].multiply(pair[1].modPow(key.publicExponent(), n)).mod(n), "pair " + i);
            if (i > 0) {
                BigInteger[] previous = pairs.get(i - 1);
                assertNotEquals(previous[0], pair[0], "pair " + i + " used twice");
                BigInteger squared = previous[0].multiply(previous[0]).mod(n);
                if (i % RsaBlinding.USES_PER_FRESH_R == 0) {
                    assertNotEquals(squared, pair[0], "pair " + i + " should come from a fresh r");
                } else {
                    assertEquals(squared, pair[0], "pair " + i + " should be the square of the one before");
                    assertEquals(previous[1].multiply(previous[1]).mod(n), pair[1]);
                }
            }
        }
    }
}
