package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.layeredtls.handshake.prf.Tls12PrfTest.pattern;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TrafficKeys;

/**
 * The key block (RFC 5246 §6.3): its length for each kind of cipher and version, and its cut
 * (client MAC key, server MAC key, client key, server key, client IV, server IV) checked against
 * the key block {@code openssl kdf} computes with the server random first.
 */
class KeyBlockTest {

    private static final byte[] MASTER = pattern(48, 0x21);
    private static final byte[] CLIENT_RANDOM = pattern(32, 0x90);
    private static final byte[] SERVER_RANDOM = pattern(32, 0x05);

    @Test
    void tls12AesGcmHasSixteenByteKeysFourByteSaltsAndNoMacKeys() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL));
        byte[] expected = openSslKeyBlock("SHA256", 40);
        assertKeys(block.clientWrite(), expected, 0, 0, 0, 16, 32, 4);
        assertKeys(block.serverWrite(), expected, 0, 0, 16, 16, 36, 4);
    }

    @Test
    void tls12Aes256GcmWithSha384PrfCutsTheSha384Block() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA384)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.AES_256_GCM, MacAlgorithm.NULL));
        byte[] expected = openSslKeyBlock("SHA384", 72);
        assertKeys(block.clientWrite(), expected, 0, 0, 0, 32, 64, 4);
        assertKeys(block.serverWrite(), expected, 0, 0, 32, 32, 68, 4);
    }

    @Test
    void tls12ChaCha20HasTwelveByteIvs() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL));
        byte[] expected = openSslKeyBlock("SHA256", 88);
        assertKeys(block.clientWrite(), expected, 0, 0, 0, 32, 64, 12);
        assertKeys(block.serverWrite(), expected, 0, 0, 32, 32, 76, 12);
    }

    @Test
    void tls10CbcDerivesMacKeysKeysAndIvs() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_0, null)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1));
        byte[] expected = openSslKeyBlock("MD5-SHA1", 104);
        assertKeys(block.clientWrite(), expected, 0, 20, 40, 16, 72, 16);
        assertKeys(block.serverWrite(), expected, 20, 20, 56, 16, 88, 16);
    }

    @Test
    void tls11CbcDerivesNoIvs() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_1, null)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC, MacAlgorithm.HMAC_SHA1));
        byte[] expected = openSslKeyBlock("MD5-SHA1", 88);
        assertKeys(block.clientWrite(), expected, 0, 20, 40, 24, 88, 0);
        assertKeys(block.serverWrite(), expected, 20, 20, 64, 24, 88, 0);
    }

    @Test
    void tls12CbcDerivesNoIvs() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.AES_256_CBC, MacAlgorithm.HMAC_SHA256));
        byte[] expected = openSslKeyBlock("SHA256", 128);
        assertKeys(block.clientWrite(), expected, 0, 32, 64, 32, 128, 0);
        assertKeys(block.serverWrite(), expected, 32, 32, 96, 32, 128, 0);
    }

    @Test
    void tls12CbcWithHmacSha384HasFortyEightByteMacKeysFromTheSha384Prf() {
        // RFC 5289 §3.2: TLS_ECDHE_*_WITH_AES_256_CBC_SHA384, HMAC-SHA384 records and the SHA-384 PRF.
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA384)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.AES_256_CBC, MacAlgorithm.HMAC_SHA384));
        byte[] expected = openSslKeyBlock("SHA384", 160);
        assertKeys(block.clientWrite(), expected, 0, 48, 96, 32, 160, 0);
        assertKeys(block.serverWrite(), expected, 48, 48, 128, 32, 160, 0);
    }

    @Test
    void tls10Rc4HasMacKeysAndKeysOnly() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_0, null)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.RC4_128, MacAlgorithm.HMAC_MD5));
        byte[] expected = openSslKeyBlock("MD5-SHA1", 64);
        assertKeys(block.clientWrite(), expected, 0, 16, 32, 16, 64, 0);
        assertKeys(block.serverWrite(), expected, 16, 16, 48, 16, 64, 0);
    }

    @Test
    void ssl3CbcDerivesIvsFromItsOwnKeyBlock() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.SSL3_0, null)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.TRIPLE_DES_EDE_CBC, MacAlgorithm.HMAC_SHA1));
        // The SSL 3.0 expansion itself is checked against openssl dgst in Ssl3KeyDerivationTest.
        byte[] expected = new Ssl3KeyDerivation().keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, 104);
        assertKeys(block.clientWrite(), expected, 0, 20, 40, 24, 88, 8);
        assertKeys(block.serverWrite(), expected, 20, 20, 64, 24, 96, 8);
    }

    @Test
    void nullCipherDerivesMacKeysOnly() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.NULL, MacAlgorithm.HMAC_SHA256));
        byte[] expected = openSslKeyBlock("SHA256", 64);
        assertKeys(block.clientWrite(), expected, 0, 32, 64, 0, 64, 0);
        assertKeys(block.serverWrite(), expected, 32, 32, 64, 0, 64, 0);
    }

    @Test
    void refusesAeadCiphersBeforeTls12() {
        CipherSpec gcm = CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL);
        assertThrows(IllegalArgumentException.class,
                () -> KeySchedule.of(ProtocolVersion.TLS1_1, null).keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, gcm));
        assertThrows(IllegalArgumentException.class,
                () -> KeySchedule.of(ProtocolVersion.SSL3_0, null).keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, gcm));
    }

    @Test
    void wipingTheKeyBlockZeroesBothDirections() {
        KeyBlock block = KeySchedule.of(ProtocolVersion.TLS1_0, null)
                .keyBlock(MASTER, CLIENT_RANDOM, SERVER_RANDOM, CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1));
        block.wipe();
        assertArrayEquals(new byte[16], block.clientWrite().encryptionKey());
        assertArrayEquals(new byte[20], block.serverWrite().macKey());
        assertArrayEquals(new byte[16], block.serverWrite().fixedIv());
    }

    private static byte[] openSslKeyBlock(String digest, int length) {
        byte[] serverFirst = HelloRandoms.join(SERVER_RANDOM, CLIENT_RANDOM);
        return OpenSsl.tls1Prf(digest, MASTER, "key expansion", serverFirst, length);
    }

    private static void assertKeys(TrafficKeys keys, byte[] block, int macOffset, int macLength,
                                   int keyOffset, int keyLength, int ivOffset, int ivLength) {
        assertEquals(macLength, keys.macKey().length, "MAC key length");
        assertEquals(keyLength, keys.encryptionKey().length, "key length");
        assertEquals(ivLength, keys.fixedIv().length, "IV length");
        assertArrayEquals(Arrays.copyOfRange(block, macOffset, macOffset + macLength), keys.macKey(), "MAC key");
        assertArrayEquals(Arrays.copyOfRange(block, keyOffset, keyOffset + keyLength), keys.encryptionKey(), "key");
        assertArrayEquals(Arrays.copyOfRange(block, ivOffset, ivOffset + ivLength), keys.fixedIv(), "IV");
    }
}
