package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * {@link AesGcm} hashes table-free (BouncyCastle's {@code BasicGCMMultiplier}) until a key has hashed
 * {@link AesGcm#TABLES_AFTER_BLOCKS} blocks, then with the 4 KiB tables: the bytes must not depend on
 * which multiplier ran, on either side of the switch, and the switch must come where the count says.
 */
class AesGcmGhashTablesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] AAD = HEX.parseHex("0000000000000001170303003c"); // a TLS 1.2 record's 13 bytes

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "aes-gcm-known-answers.csv", delimiter = '|')
    void tableFreeAndTabledKeysBothGiveTheNistTags(String name, String key, String iv, String plaintext, String aad,
                                                   String expected) {
        byte[] k = HEX.parseHex(key);
        byte[] p = plaintext == null ? new byte[0] : HEX.parseHex(plaintext);
        byte[] a = aad == null ? new byte[0] : HEX.parseHex(aad);
        byte[] nonce = HEX.parseHex(iv);

        AesGcm tableFree = new AesGcm(k);
        AesGcm tabled = withTables(k, nonce);
        assertFalse(tableFree.hasTables());
        assertTrue(tabled.hasTables());
        for (AesGcm aead : new AesGcm[] {tableFree, tabled}) {
            byte[] sealed = new byte[p.length + 16];
            aead.seal(nonce, a, 0, a.length, p, 0, p.length, sealed, 0);
            assertArrayEquals(HEX.parseHex(expected), sealed, name + (aead.hasTables() ? " with tables" : " table-free"));
        }
        byte[] opened = new byte[p.length];
        assertEquals(p.length, withTables(k, nonce).open(nonce, a, 0, a.length, HEX.parseHex(expected), 0, p.length + 16, opened, 0));
        assertArrayEquals(p, opened);
    }

    @Test
    void tablesAreBuiltBeforeTheRecordThatReachesTheThreshold() {
        AesGcm aead = new AesGcm(new byte[16]);
        // one AAD block + (threshold - 3) data blocks + the length block: one block short of the threshold
        int length = 16 * (AesGcm.TABLES_AFTER_BLOCKS - 3);
        aead.seal(nonce(1), AAD, 0, AAD.length, new byte[length], 0, length, new byte[length + 16], 0);
        assertFalse(aead.hasTables(), "255 blocks hashed: still table-free");
        aead.seal(nonce(2), AAD, 0, AAD.length, new byte[0], 0, 0, new byte[16], 0);
        assertTrue(aead.hasTables(), "the next record (2 more blocks) reaches 256 and is hashed with the tables");
    }

    @Test
    void aSixteenKilobyteRecordGetsTheTablesAtOnce() {
        AesGcm aead = new AesGcm(new byte[32]);
        aead.seal(nonce(1), AAD, 0, AAD.length, new byte[16384], 0, 16384, new byte[16384 + 16], 0);
        assertTrue(aead.hasTables());
    }

    /**
     * One long-lived sealer and one long-lived opener across the switch (at different records, since
     * opening counts the same blocks but the sizes run in a different order for the second pair), every
     * record also opened by a fresh, table-free instance and compared with BouncyCastle's own GCM.
     */
    @Test
    void aKeySwitchingToTablesMidStreamStaysCorrectWhateverOpensItsRecords() throws InvalidCipherTextException {
        byte[] key = HEX.parseHex("feffe9928665731c6d6a8f9467308308");
        AesGcm sealer = new AesGcm(key);
        AesGcm longLivedOpener = new AesGcm(key);
        AEADCipher reference = GCMBlockCipher.newInstance(AESEngine.newInstance());
        int[] sizes = {0, 1, 15, 16, 17, 31, 32, 33, 100, 255, 256, 257, 511, 1000, 1023, 1024, 1025, 2047, 3000, 4095,
                       4096, 4097, 16383, 16384, 5, 40, 1500};
        boolean sawTableFree = false;
        for (int record = 0; record < sizes.length * 2; record++) {
            int size = sizes[record % sizes.length];
            byte[] nonce = nonce(record + 1);
            byte[] plaintext = pattern(record, size);
            sawTableFree |= !sealer.hasTables();

            byte[] sealed = new byte[size + 16];
            assertEquals(size + 16, sealer.seal(nonce, AAD, 0, AAD.length, plaintext, 0, size, sealed, 0));
            assertArrayEquals(bouncyCastleSeal(reference, key, nonce, plaintext), sealed, "record " + record + ", " + size + " bytes");

            for (Aead opener : new Aead[] {new AesGcm(key), longLivedOpener}) {
                byte[] opened = new byte[size];
                assertEquals(size, opener.open(nonce, AAD, 0, AAD.length, sealed, 0, sealed.length, opened, 0));
                assertArrayEquals(plaintext, opened, "record " + record + ", " + size + " bytes");
            }
            if (size > 0) {
                sealed[sealed.length - 1 - record % 16] ^= 1; // a flipped tag byte is refused on either side of the switch
                assertEquals(-1, longLivedOpener.open(nonce, AAD, 0, AAD.length, sealed, 0, sealed.length, new byte[size], 0));
            }
        }
        assertTrue(sawTableFree && sealer.hasTables() && longLivedOpener.hasTables(), "both switched during the run");
    }

    @Test
    void aTableFreeKeyAllocatesNothingPerRecordEither() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AesGcm sealer = new AesGcm(new byte[16]);
        AesGcm opener = new AesGcm(new byte[16]);
        byte[] plaintext = pattern(7, 40); // 3 data blocks: 5 per record with the AAD and length blocks
        byte[] sealed = new byte[56];
        byte[] opened = new byte[40];
        byte[] nonce = nonce(1);
        sealer.seal(nonce, AAD, 0, AAD.length, plaintext, 0, 40, sealed, 0); // warm up
        opener.open(nonce, AAD, 0, AAD.length, sealed, 0, 56, opened, 0);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int record = 2; record < 42; record++) { // 40 records, 205 blocks in all: below the threshold
            nonce[11] = (byte) record;
            sealer.seal(nonce, AAD, 0, AAD.length, plaintext, 0, 40, sealed, 0);
            opener.open(nonce, AAD, 0, AAD.length, sealed, 0, 56, opened, 0);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertFalse(sealer.hasTables());
        assertTrue(allocated < 40 * 16, "table-free GHASH allocated " + allocated + " bytes over 40 records");
    }

    /** A key whose GHASH tables are built (by one large record under a nonce other than {@code avoid}). */
    private static AesGcm withTables(byte[] key, byte[] avoid) {
        AesGcm aead = new AesGcm(key);
        byte[] nonce = avoid.clone();
        nonce[0] ^= (byte) 0xFF;
        aead.seal(nonce, new byte[0], 0, 0, new byte[4096], 0, 4096, new byte[4096 + 16], 0);
        return aead;
    }

    private static byte[] bouncyCastleSeal(AEADCipher gcm, byte[] key, byte[] nonce, byte[] plaintext)
            throws InvalidCipherTextException {
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, AAD));
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    private static byte[] nonce(int sequence) {
        byte[] nonce = HEX.parseHex("cafebabefacedbad00000000");
        nonce[8] = (byte) (sequence >>> 24);
        nonce[9] = (byte) (sequence >>> 16);
        nonce[10] = (byte) (sequence >>> 8);
        nonce[11] = (byte) sequence;
        return nonce;
    }

    private static byte[] pattern(int seed, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return bytes;
    }
}
