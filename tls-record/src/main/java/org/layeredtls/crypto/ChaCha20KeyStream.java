package org.layeredtls.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.bouncycastle.crypto.engines.ChaChaEngine;

/**
 * The ChaCha20 stream cipher of RFC 8439 §2.4 with a 32-bit block counter and a 96-bit nonce:
 * BouncyCastle's block function ({@code ChaChaEngine.chachaCore}, the twenty rounds) and the
 * key stream XORed here eight bytes at a time.
 *
 * <p>Why not BouncyCastle's {@code ChaCha7539Engine.processBytes}: it XORs the key stream one byte
 * at a time through a 64-byte buffer (index, mask and bounds check per byte), which costs about as
 * much as the rounds themselves on a 16 KiB record. Here each block's sixteen words are XORed into
 * the data as eight little-endian longs; only a last partial block goes byte by byte.
 *
 * <p>Nothing here branches or indexes on a secret. Not thread-safe.
 */
final class ChaCha20KeyStream {

    /** "expand 32-byte k" as four little-endian words: RFC 8439 §2.3. */
    private static final int[] CONSTANTS = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int ROUNDS = 20;
    static final int BLOCK = 64;

    /** Constants, key, block counter (word 12), nonce (words 13-15): RFC 8439 §2.3. */
    private final int[] state = new int[16];
    /** The block function's output: one block of key stream. */
    private final int[] block = new int[16];

    ChaCha20KeyStream(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a ChaCha20 key is 32 bytes, not " + key.length);
        }
        System.arraycopy(CONSTANTS, 0, state, 0, 4);
        for (int i = 0; i < 8; i++) {
            state[4 + i] = littleEndianInt(key, 4 * i);
        }
    }

    /** Positions the stream at block {@code counter} of the stream for {@code nonce} (12 bytes). */
    void start(byte[] nonce, int counter) {
        state[12] = counter;
        state[13] = littleEndianInt(nonce, 0);
        state[14] = littleEndianInt(nonce, 4);
        state[15] = littleEndianInt(nonce, 8);
    }

    /**
     * Writes the first {@code length} (at most 64) bytes of the current block's key stream to
     * {@code out} and moves to the next block (the one-time Poly1305 key of RFC 8439 §2.6).
     */
    void keyStream(byte[] out, int outOff, int length) {
        nextBlock();
        for (int i = 0; i < length; i++) {
            out[outOff + i] = (byte) (block[i >>> 2] >>> (8 * (i & 3)));
        }
        Arrays.fill(block, 0);
    }

    /**
     * XORs {@code in[inOff..inOff+length)} with the key stream into {@code out[outOff..]}, from
     * the current block on. {@code in} and {@code out} may be the same bytes (same offset), not
     * a shifted overlap. A 32-bit counter cannot wrap within one call: an {@code int} length is
     * at most 2^25 blocks. A call that ends within a block discards the rest of that block, as a
     * message's last call does.
     */
    void xor(byte[] in, int inOff, int length, byte[] out, int outOff) {
        while (length >= BLOCK) {
            nextBlock();
            for (int w = 0; w < 16; w += 2) {
                long k = (block[w] & 0xFFFFFFFFL) | ((long) block[w + 1] << 32);
                LONGS.set(out, outOff, (long) LONGS.get(in, inOff) ^ k);
                inOff += 8;
                outOff += 8;
            }
            length -= BLOCK;
        }
        if (length > 0) {
            nextBlock();
            for (int i = 0; i < length; i++) {
                out[outOff + i] = (byte) (in[inOff + i] ^ (block[i >>> 2] >>> (8 * (i & 3))));
            }
        }
        Arrays.fill(block, 0);
    }

    private void nextBlock() {
        ChaChaEngine.chachaCore(ROUNDS, state, block);
        state[12]++;
    }

    private static int littleEndianInt(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
