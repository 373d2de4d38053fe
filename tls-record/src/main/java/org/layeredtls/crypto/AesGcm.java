package org.layeredtls.crypto;

import java.util.Arrays;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables4kGCMMultiplier;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM (NIST SP 800-38D) with a 96-bit nonce and a 128-bit tag, composed from BouncyCastle's
 * AES engine and its GHASH multiplier, and allocating nothing per call.
 *
 * <p>Why not BouncyCastle's {@code GCMBlockCipher}: in 1.82 it allocates a fresh 16-byte counter
 * block for every 16 bytes of data ({@code encryptBlock}/{@code decryptBlock}/{@code
 * processPartial}), and on every {@code init}/{@code doFinal} new {@code S}, {@code J0}, counter,
 * buffer, tag and MAC arrays: about 2.6 KB per 1 KiB record and 33 KB per 16 KiB record. This class
 * does the same arithmetic (the same AES engine, the same 4 KiB-table multiplier as BouncyCastle's
 * default) with buffers it owns.
 *
 * <p>The GHASH tables are built only when a key has earned them. A key starts with BouncyCastle's
 * table-free {@code BasicGCMMultiplier} and builds the {@code Tables4kGCMMultiplier} (about 9 KB,
 * some 4 microseconds to compute) once it has hashed {@link #TABLES_AFTER_BLOCKS} blocks, counting the
 * record about to be protected: a handshake key, which protects a few hundred bytes to a few KB, never
 * pays for tables, and a bulk key builds them before its first large record and from then on runs
 * exactly as before. Both multipliers compute the same product in GF(2^128); only the speed differs.
 *
 * <p>{@link #open} checks the tag over the ciphertext first and decrypts only when it matches, so
 * a forged record leaves {@code out} untouched. The tag comparison is constant-time. Not
 * thread-safe: one instance per direction of one connection, as the record layer uses it.
 */
final class AesGcm implements Aead {

    private static final int BLOCK = 16;
    private static final int TAG = 16;
    private static final int NONCE = 12;

    /**
     * Build the 4 KiB GHASH tables once a key has hashed this many 16-byte blocks (4 KiB). Measured on
     * BouncyCastle 1.87 (tls-record README, "AES-GCM's GHASH tables"): building the tables costs about
     * 4.3 us and they save about 24 ns per block (31 against 55 ns), so they pay for themselves after
     * ~180 blocks. 256 leaves handshake keys table-free (the largest, a TLS 1.3 server's flight with one
     * RSA-2048 certificate, hashes 135 blocks; an intermediate certificate adds about 60), while a
     * 16 KiB record (1,024 blocks) gets the tables before it is hashed.
     */
    static final int TABLES_AFTER_BLOCKS = 256;

    private final org.bouncycastle.crypto.BlockCipher aes = AESEngine.newInstance();
    /** Table-free until {@link #TABLES_AFTER_BLOCKS}, then the 4 KiB tables for good. */
    private GCMMultiplier multiplier = new BasicGCMMultiplier();
    /** H = E(K, 0^128), kept until the tables are built from it, then wiped and dropped. */
    private byte[] hashKey;
    /** GHASH blocks done table-free so far (associated data, data and the length block). */
    private long blocksWithoutTables;
    /** J0 = nonce || 0^31 || 1 (SP 800-38D §7.1 step 2, for a 96-bit IV); then the running counter. */
    private final byte[] counter = new byte[BLOCK];
    /** E(K, J0): XORed onto GHASH to form the tag. */
    private final byte[] tagMask = new byte[BLOCK];
    private final byte[] keyStream = new byte[BLOCK];
    /** The GHASH accumulator. */
    private final byte[] hash = new byte[BLOCK];
    private final byte[] tag = new byte[BLOCK];
    private final byte[] receivedTag = new byte[TAG];
    private final AeadArguments arguments = new AeadArguments("AES-GCM");

    AesGcm(byte[] key) {
        aes.init(true, new KeyParameter(key));
        hashKey = new byte[BLOCK]; // H = E(K, 0^128)
        aes.processBlock(hashKey, 0, hashKey, 0);
        multiplier.init(hashKey);
    }

    /** Whether the GHASH tables are built (a test hook: the outputs are the same either way). */
    boolean hasTables() {
        return hashKey == null;
    }

    @Override
    public int tagLength() {
        return TAG;
    }

    @Override
    public int nonceLength() {
        return NONCE;
    }

    @Override
    public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLength,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        arguments.checkSeal(nonce, length, out, outOff);
        countBlocks(aadLength, length);
        start(nonce, aad, aadOff, aadLength);
        encryptAndHash(in, inOff, length, out, outOff);
        finish(aadLength, length);
        System.arraycopy(tag, 0, out, outOff + length, TAG);
        return length + TAG;
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadOff, int aadLength,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        int plaintextLength = arguments.checkOpen(nonce, length, out, outOff);
        if (plaintextLength < 0) {
            return -1;
        }
        countBlocks(aadLength, plaintextLength);
        start(nonce, aad, aadOff, aadLength);
        ghash(in, inOff, plaintextLength);
        finish(aadLength, plaintextLength);
        System.arraycopy(in, inOff + plaintextLength, receivedTag, 0, TAG);
        if (!java.security.MessageDigest.isEqual(tag, receivedTag)) { // constant time in JDK 17
            return -1; // nothing decrypted, nothing written
        }
        ctr(in, inOff, plaintextLength, out, outOff);
        return plaintextLength;
    }

    /**
     * Counts the GHASH blocks of the record about to be protected and, once the key has reached
     * {@link #TABLES_AFTER_BLOCKS}, builds the 4 KiB tables before hashing it. Nothing is counted or
     * allocated after that.
     */
    private void countBlocks(int aadLength, int length) {
        if (hashKey == null) {
            return;
        }
        blocksWithoutTables += (aadLength + BLOCK - 1) / BLOCK + (length + BLOCK - 1) / BLOCK + 1;
        if (blocksWithoutTables >= TABLES_AFTER_BLOCKS) {
            GCMMultiplier tables = new Tables4kGCMMultiplier();
            tables.init(hashKey);
            multiplier = tables;
            Arrays.fill(hashKey, (byte) 0);
            hashKey = null;
        }
    }

    /** Sets J0 and E(K, J0), clears GHASH and hashes the zero-padded associated data. */
    private void start(byte[] nonce, byte[] aad, int aadOff, int aadLength) {
        System.arraycopy(nonce, 0, counter, 0, NONCE);
        counter[12] = 0;
        counter[13] = 0;
        counter[14] = 0;
        counter[15] = 1;
        aes.processBlock(counter, 0, tagMask, 0);
        Arrays.fill(hash, (byte) 0);
        ghash(aad, aadOff, aadLength);
    }

    /** GHASH over {@code data}, its last partial block zero-padded (SP 800-38D §7.1 steps 5-6). */
    private void ghash(byte[] data, int off, int length) {
        byte[] x = hash;
        int end = off + length;
        for (; off + BLOCK <= end; off += BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                x[i] ^= data[off + i];
            }
            multiplier.multiplyH(x);
        }
        if (off < end) {
            for (int i = 0; off + i < end; i++) {
                x[i] ^= data[off + i];
            }
            multiplier.multiplyH(x);
        }
    }

    /** The final GHASH block, [len(A)]64 || [len(C)]64 in bits, then the tag: E(K, J0) XOR S. */
    private void finish(int aadLength, int length) {
        long aadBits = (long) aadLength * 8;
        long dataBits = (long) length * 8;
        for (int i = 0; i < 8; i++) {
            hash[i] ^= (byte) (aadBits >>> (56 - 8 * i));
            hash[8 + i] ^= (byte) (dataBits >>> (56 - 8 * i));
        }
        multiplier.multiplyH(hash);
        for (int i = 0; i < BLOCK; i++) {
            tag[i] = (byte) (hash[i] ^ tagMask[i]);
        }
    }

    /**
     * GCTR from inc32(J0) (SP 800-38D §6.5), for opening once the tag is checked. In-place is safe;
     * a shifted overlap is first moved into place with {@code arraycopy} (which handles overlaps).
     */
    private void ctr(byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (in == out && inOff != outOff) {
            System.arraycopy(in, inOff, out, outOff, length);
            in = out;
            inOff = outOff;
        }
        byte[] ks = keyStream;
        int done = 0;
        for (; done + BLOCK <= length; done += BLOCK) {
            nextKeyStream();
            for (int i = 0; i < BLOCK; i++) {
                out[outOff + done + i] = (byte) (in[inOff + done + i] ^ ks[i]);
            }
        }
        if (done < length) {
            nextKeyStream();
            for (int i = 0; done + i < length; i++) {
                out[outOff + done + i] = (byte) (in[inOff + done + i] ^ ks[i]);
            }
        }
    }

    /** Sealing in one pass, as BouncyCastle does: each ciphertext block is hashed as it is made. */
    private void encryptAndHash(byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (in == out && inOff != outOff) {
            System.arraycopy(in, inOff, out, outOff, length);
            in = out;
            inOff = outOff;
        }
        byte[] ks = keyStream;
        byte[] x = hash;
        int done = 0;
        for (; done + BLOCK <= length; done += BLOCK) {
            nextKeyStream();
            for (int i = 0; i < BLOCK; i++) {
                byte c = (byte) (in[inOff + done + i] ^ ks[i]);
                out[outOff + done + i] = c;
                x[i] ^= c;
            }
            multiplier.multiplyH(x);
        }
        if (done < length) {
            nextKeyStream();
            for (int i = 0; done + i < length; i++) {
                byte c = (byte) (in[inOff + done + i] ^ ks[i]);
                out[outOff + done + i] = c;
                x[i] ^= c;
            }
            multiplier.multiplyH(x);
        }
    }

    /** inc32 on the counter, then one AES block of key stream. */
    private void nextKeyStream() {
        for (int i = 15; i >= 12; i--) {
            if (++counter[i] != 0) {
                break;
            }
        }
        aes.processBlock(counter, 0, keyStream, 0);
    }
}
