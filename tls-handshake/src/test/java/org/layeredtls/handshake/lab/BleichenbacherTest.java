package org.layeredtls.handshake.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.RsaPrivateKey;

/** The attack's arithmetic alone, with the oracle answered in memory from the private key (no network). */
class BleichenbacherTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private final SecureRandom random = new SecureRandom();

    @Test
    void recoversTheBlockOfEveryConformingCiphertextFromAPrefixOracle() throws Exception {
        RsaPrivateKey key = SmallRsaKey.generate().privateKey();
        for (int run = 0; run < 4; run++) {
            BigInteger m = new BigInteger(1, conformingBlock(key.modulusLength()));
            BigInteger c = m.modPow(key.publicExponent(), key.modulus());
            // Most runs take 1,000-2,000 queries, but step 2b's one-by-one search has a long tail (18,000 seen in
            // 48 runs; 100,000 was exhausted once in a CI run): the budget only bounds a broken attack's time.
            Bleichenbacher attack = new Bleichenbacher(key.publicKey(), prefixOracle(key), 1_000_000, QUIET);
            assertEquals(m, attack.recover(c));
        }
    }

    @Test
    void anOracleThatAlwaysSaysNoLeavesTheAttackAtItsBudget() {
        RsaPrivateKey key = SmallRsaKey.generate().privateKey();
        BigInteger c = new BigInteger(1, conformingBlock(key.modulusLength())).modPow(key.publicExponent(), key.modulus());
        Bleichenbacher attack = new Bleichenbacher(key.publicKey(), ciphertext -> false, 500, QUIET);
        assertThrows(Bleichenbacher.BudgetExhausted.class, () -> attack.recover(c));
        assertEquals(500, attack.queries());
    }

    /** 00 02, non-zero padding, 00, 48 random bytes: a ClientKeyExchange's block. */
    private byte[] conformingBlock(int k) {
        byte[] block = new byte[k];
        for (int i = 2; i < k; i++) {
            block[i] = (byte) (1 + random.nextInt(255));
        }
        block[1] = 2;
        block[k - 49] = 0;
        return block;
    }

    private static Bleichenbacher.Oracle prefixOracle(RsaPrivateKey key) {
        int shift = 8 * (key.modulusLength() - 2);
        return c -> c.modPow(key.privateExponent(), key.modulus()).shiftRight(shift).intValue() == 2;
    }
}
