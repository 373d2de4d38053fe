package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.layeredtls.handshake.prf.Tls12PrfTest.pattern;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SSL 3.0 derivation against OpenSSL: OpenSSL 3's command line has no SSL 3.0 KDF, so the expected
 * bytes are built here from {@code openssl dgst -md5/-sha1 -binary} runs, following RFC 6101 §6.1.
 */
class Ssl3KeyDerivationTest {

    private static final byte[] PRE_MASTER = pattern(48, 0x03);
    private static final byte[] CLIENT_RANDOM = pattern(32, 0x40);
    private static final byte[] SERVER_RANDOM = pattern(32, 0xA0);

    @Test
    void masterSecretIsMd5OfPreMasterAndShaOfSaltedPreMasterAndRandomsClientFirst() {
        byte[] expected = openSslExpansion(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM, 3);
        assertArrayEquals(expected, new Ssl3KeyDerivation().masterSecret(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM));
    }

    @Test
    void keyBlockIsTheSameExpansionOfTheMasterSecretWithTheServerRandomFirst() {
        byte[] master = pattern(48, 0x77);
        byte[] expected = Arrays.copyOf(openSslExpansion(master, SERVER_RANDOM, CLIENT_RANDOM, 3), 40);
        assertArrayEquals(expected, new Ssl3KeyDerivation().keyBlock(master, CLIENT_RANDOM, SERVER_RANDOM, 40));
    }

    @Test
    void refusesMoreThanTheTwentySixLettersGive() {
        Ssl3KeyDerivation derivation = new Ssl3KeyDerivation();
        assertEquals(416, derivation.keyBlock(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM, 416).length);
        assertThrows(IllegalArgumentException.class,
                () -> derivation.keyBlock(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM, 417));
    }

    /** MD5(secret + SHA(salt_i + secret + first + second)) for i = 1..rounds, with openssl dgst. */
    private static byte[] openSslExpansion(byte[] secret, byte[] first, byte[] second, int rounds) {
        byte[] out = new byte[16 * rounds];
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < rounds; i++) {
            byte[] salt = String.valueOf(letters.charAt(i)).repeat(i + 1).getBytes(StandardCharsets.US_ASCII);
            byte[] sha = OpenSsl.digest("sha1", salt, secret, first, second);
            byte[] md5 = OpenSsl.digest("md5", secret, sha);
            System.arraycopy(md5, 0, out, 16 * i, 16);
        }
        return out;
    }
}
