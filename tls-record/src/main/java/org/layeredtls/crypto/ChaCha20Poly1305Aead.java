package org.layeredtls.crypto;

import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The ChaCha20-Poly1305 AEAD of RFC 8439 §2.8, composed from BouncyCastle's ChaCha20 block
 * function (through {@link ChaCha20KeyStream}) and its {@code Poly1305}, and allocating nothing
 * per call.
 *
 * <p>Why not BouncyCastle's {@code ChaCha20Poly1305}: every record costs it a 64-byte block and a
 * {@code KeyParameter} (with its own key copy) to key Poly1305 ({@code initMAC}), a 16-byte lengths
 * block ({@code finishData}) and a {@code ParametersWithIV} per {@code init}; after each decryption
 * it keys Poly1305 a second time for a record that may never come; and its engine XORs the key
 * stream a byte at a time ({@link ChaCha20KeyStream} says why that matters). This class keeps its
 * key in the key stream's state, and one {@code KeyParameter} for the one-time Poly1305 key.
 *
 * <p>{@link #open} checks the tag first and decrypts only when it matches, so a forged record
 * leaves {@code out} untouched. The tag comparison is constant-time. Not thread-safe.
 */
final class ChaCha20Poly1305Aead implements Aead {

    private static final int TAG = 16;
    private static final int NONCE = 12;
    private static final byte[] ZEROS = new byte[16];

    private final ChaCha20KeyStream chacha;
    private final Poly1305 poly1305 = new Poly1305();
    /** The one-time Poly1305 key; its array is refilled for every message. */
    private final KeyParameter oneTimeKey = new KeyParameter(new byte[32]);
    private final byte[] lengths = new byte[16];
    private final byte[] tag = new byte[TAG];
    private final byte[] receivedTag = new byte[TAG];
    private final AeadArguments arguments = new AeadArguments("ChaCha20-Poly1305");

    ChaCha20Poly1305Aead(byte[] key) {
        chacha = new ChaCha20KeyStream(key);
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
        start(nonce, aad, aadOff, aadLength);
        if (in == out && inOff != outOff) { // a shifted overlap: move the plaintext into place first
            System.arraycopy(in, inOff, out, outOff, length);
            in = out;
            inOff = outOff;
        }
        // encrypt the whole record, then MAC it (a record is at most 16 KiB + 256, in the L1 cache still); 512-byte
        // chunks alternating the two measured no faster (perf4)
        chacha.xor(in, inOff, length, out, outOff);
        poly1305.update(out, outOff, length);
        finishMac(length, aadLength);
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
        start(nonce, aad, aadOff, aadLength);
        poly1305.update(in, inOff, plaintextLength);
        finishMac(plaintextLength, aadLength);
        System.arraycopy(in, inOff + plaintextLength, receivedTag, 0, TAG);
        if (!java.security.MessageDigest.isEqual(tag, receivedTag)) { // constant time in JDK 17
            return -1; // nothing decrypted, nothing written
        }
        crypt(in, inOff, plaintextLength, out, outOff);
        return plaintextLength;
    }


    /**
     * RFC 8439 §2.6: the Poly1305 key is the first 32 bytes of the ChaCha20 block with counter 0;
     * the data is then encrypted from counter 1. Then the associated data and its padding (§2.8).
     */
    private void start(byte[] nonce, byte[] aad, int aadOff, int aadLength) {
        chacha.start(nonce, 0);
        chacha.keyStream(oneTimeKey.getKey(), 0, 32); // the stream is at block 1 after it
        poly1305.init(oneTimeKey);
        java.util.Arrays.fill(oneTimeKey.getKey(), (byte) 0);
        poly1305.update(aad, aadOff, aadLength);
        pad16(aadLength);
    }

    /** RFC 8439 §2.8: after the ciphertext, its padding, then both lengths as 64-bit little-endian. */
    private void finishMac(int length, int aadLength) {
        pad16(length);
        for (int i = 0; i < 8; i++) {
            lengths[i] = (byte) ((long) aadLength >>> (8 * i));
            lengths[8 + i] = (byte) ((long) length >>> (8 * i));
        }
        poly1305.update(lengths, 0, 16);
        poly1305.doFinal(tag, 0);
    }

    private void pad16(int length) {
        int partial = length & 15;
        if (partial != 0) {
            poly1305.update(ZEROS, 0, 16 - partial);
        }
    }

    /** The ChaCha20 key stream from counter 1; a shifted overlap is first moved into place. */
    private void crypt(byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (in == out && inOff != outOff) {
            System.arraycopy(in, inOff, out, outOff, length);
            in = out;
            inOff = outOff;
        }
        chacha.xor(in, inOff, length, out, outOff);
    }
}
