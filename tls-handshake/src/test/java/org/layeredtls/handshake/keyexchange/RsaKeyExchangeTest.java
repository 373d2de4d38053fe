package org.layeredtls.handshake.keyexchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.crypto.RsaPublicKey;
import org.layeredtls.record.ProtocolVersion;

/** RFC 5246 §7.4.7.1: the premaster round trip and the Bleichenbacher countermeasure. */
class RsaKeyExchangeTest {

    private static final RsaPrivateKey KEY = (RsaPrivateKey) TestKeys.RSA.privateKey();
    private static final RsaPublicKey PUBLIC = (RsaPublicKey) TestKeys.RSA.publicKey();
    private static final RandomSource RANDOM = DeterministicRandomSource.fromLabel("rsa kx");

    @Test
    void premasterIsClientVersionAnd46RandomBytes() {
        byte[] a = RsaKeyExchange.premasterSecret(ProtocolVersion.TLS1_2, RANDOM);
        byte[] b = RsaKeyExchange.premasterSecret(ProtocolVersion.TLS1_0, RANDOM);
        assertEquals(48, a.length);
        assertEquals(3, a[0]);
        assertEquals(3, a[1]);
        assertEquals(1, b[1]);
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 2, 48), Arrays.copyOfRange(b, 2, 48)));
    }

    @Test
    void serverRecoversTheClientsPremasterExactly() {
        for (ProtocolVersion version : new ProtocolVersion[] {ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0,
                ProtocolVersion.TLS1_2}) {
            byte[] premaster = RsaKeyExchange.premasterSecret(version, RANDOM);
            byte[] encrypted = RsaKeyExchange.encrypt(PUBLIC, premaster, RANDOM);
            assertEquals(PUBLIC.modulusLength(), encrypted.length);
            assertArrayEquals(premaster, RsaKeyExchange.decrypt(KEY, encrypted, version, RANDOM));
        }
    }

    @Test
    void badCiphertextGivesA48ByteRandomPremasterEachTimeWithoutException() {
        byte[] premaster = RsaKeyExchange.premasterSecret(ProtocolVersion.TLS1_2, RANDOM);
        byte[] encrypted = RsaKeyExchange.encrypt(PUBLIC, premaster, RANDOM);
        byte[] tampered = encrypted.clone();
        tampered[10] ^= 0x40;
        byte[][] bad = {tampered, new byte[encrypted.length], Arrays.copyOf(encrypted, encrypted.length - 1),
                new byte[0], padded(PUBLIC.modulus().toByteArray(), encrypted.length)};
        for (byte[] ciphertext : bad) {
            byte[] first = RsaKeyExchange.decrypt(KEY, ciphertext, ProtocolVersion.TLS1_2, RANDOM);
            byte[] second = RsaKeyExchange.decrypt(KEY, ciphertext, ProtocolVersion.TLS1_2, RANDOM);
            assertFallback(premaster, first, second);
        }
    }

    @Test
    void wrongLengthPlaintextGivesARandomPremasterEachTime() {
        PublicKeyCrypto crypto = PublicKeyCrypto.defaultImplementation();
        byte[] premaster = RsaKeyExchange.premasterSecret(ProtocolVersion.TLS1_2, RANDOM);
        for (int length : new int[] {0, 47, 49, 100}) {
            byte[] plaintext = Arrays.copyOf(premaster, length);
            byte[] encrypted = crypto.encryptPkcs1(PUBLIC, plaintext, RANDOM);
            byte[] first = RsaKeyExchange.decrypt(KEY, encrypted, ProtocolVersion.TLS1_2, RANDOM);
            byte[] second = RsaKeyExchange.decrypt(KEY, encrypted, ProtocolVersion.TLS1_2, RANDOM);
            assertFallback(premaster, first, second);
        }
    }

    @Test
    void wrongClientVersionIsOverwrittenWithTheClientHelloVersionNotTrusted() {
        // a client (or a man in the middle rolling back) that put TLS 1.0 in a TLS 1.2 ClientHello's premaster
        byte[] premaster = RsaKeyExchange.premasterSecret(ProtocolVersion.TLS1_0, RANDOM);
        byte[] encrypted = RsaKeyExchange.encrypt(PUBLIC, premaster, RANDOM);
        byte[] result = RsaKeyExchange.decrypt(KEY, encrypted, ProtocolVersion.TLS1_2, RANDOM);
        assertEquals(48, result.length);
        assertEquals(3, result[0]);
        assertEquals(3, result[1], "client_version from the ClientHello, not the negotiated or received one");
        assertFalse(Arrays.equals(premaster, result), "the two sides now disagree: Finished will fail");
        assertArrayEquals(Arrays.copyOfRange(premaster, 2, 48), Arrays.copyOfRange(result, 2, 48));
    }

    private static void assertFallback(byte[] realPremaster, byte[] first, byte[] second) {
        assertEquals(48, first.length);
        assertEquals(48, second.length);
        assertEquals(3, first[0]);
        assertEquals(3, first[1]);
        assertFalse(Arrays.equals(first, second), "a fresh random premaster each time");
        assertFalse(Arrays.equals(realPremaster, first));
    }

    private static byte[] padded(byte[] bytes, int length) {
        byte[] value = new BigInteger(1, bytes).toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(value.length, length);
        System.arraycopy(value, value.length - n, out, length - n, n);
        return out;
    }
}
