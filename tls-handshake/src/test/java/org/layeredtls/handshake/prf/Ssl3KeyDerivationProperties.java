package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The structure of SSL 3.0 derivation (RFC 6101 §6.1, §6.2.2), checked against the JDK's own MD5
 * and SHA-1 (an implementation independent of the BouncyCastle one under the crypto seam).
 */
class Ssl3KeyDerivationProperties {

    private final Ssl3KeyDerivation derivation = new Ssl3KeyDerivation();

    @Property(tries = 200)
    void everySixteenByteBlockIsMd5OfSecretAndShaOfItsLetterSalt(
            @ForAll @Size(max = 80) byte[] secret, @ForAll @Size(32) byte[] clientRandom,
            @ForAll @Size(32) byte[] serverRandom, @ForAll @IntRange(max = 26 * 16) int length) throws Exception {
        byte[] keyBlock = derivation.keyBlock(secret, clientRandom, serverRandom, length);
        byte[] expected = new byte[length];
        for (int round = 0; 16 * round < length; round++) {
            byte[] salt = new byte[round + 1];
            Arrays.fill(salt, (byte) ('A' + round));
            byte[] sha = jdk("SHA-1", salt, secret, serverRandom, clientRandom);
            byte[] md5 = jdk("MD5", secret, sha);
            System.arraycopy(md5, 0, expected, 16 * round, Math.min(16, length - 16 * round));
        }
        assertArrayEquals(expected, keyBlock);
    }

    @Property(tries = 200)
    void masterSecretIsTheKeyBlockExpansionWithTheRandomsTheOtherWayRound(
            @ForAll @Size(48) byte[] preMaster, @ForAll @Size(32) byte[] clientRandom,
            @ForAll @Size(32) byte[] serverRandom) {
        assertArrayEquals(derivation.keyBlock(preMaster, serverRandom, clientRandom, 48),
                derivation.masterSecret(preMaster, clientRandom, serverRandom));
    }

    @Property(tries = 200)
    void aShorterKeyBlockIsAPrefixOfALongerOne(
            @ForAll @Size(48) byte[] master, @ForAll @Size(32) byte[] clientRandom, @ForAll @Size(32) byte[] serverRandom,
            @ForAll @IntRange(max = 200) int shorter, @ForAll @IntRange(max = 216) int extra) {
        byte[] longer = derivation.keyBlock(master, clientRandom, serverRandom, shorter + extra);
        assertArrayEquals(Arrays.copyOf(longer, shorter), derivation.keyBlock(master, clientRandom, serverRandom, shorter));
    }

    private static byte[] jdk(String algorithm, byte[]... parts) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
