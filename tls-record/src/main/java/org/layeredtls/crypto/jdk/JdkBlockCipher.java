package org.layeredtls.crypto.jdk;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.layeredtls.crypto.BlockCipher;

/**
 * AES or 3DES-EDE on {@code javax.crypto.Cipher}, keyed once, in one direction. A single block goes
 * through an ECB cipher; a whole record's CBC goes through the JDK's own CBC cipher, which HotSpot
 * runs on AES-NI (block by block through ECB it would pay the {@code Cipher} call per 16 bytes).
 *
 * <p>What allocates: each CBC call re-initialises the CBC cipher with the record's IV, and
 * {@code init} takes a new {@link IvParameterSpec} (and copies the IV inside the JDK). The JDK's CBC
 * copies its input when input and output are the same array, so in-place encryption goes through
 * {@link #scratch}, grown once to the longest record.
 */
final class JdkBlockCipher implements BlockCipher {

    private final int mode;
    private final SecretKeySpec key;
    private final Cipher ecb;
    private final Cipher cbc;
    private final int blockSize;
    private byte[] scratch = new byte[0];

    JdkBlockCipher(String algorithm, byte[] key, boolean forEncryption) {
        this.mode = forEncryption ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        this.key = new SecretKeySpec(key, algorithm);
        this.ecb = JdkCiphers.cipher(algorithm + "/ECB/NoPadding");
        JdkCiphers.init(ecb, mode, this.key, null);
        this.cbc = JdkCiphers.cipher(algorithm + "/CBC/NoPadding");
        this.blockSize = ecb.getBlockSize();
    }

    @Override
    public int blockSize() {
        return blockSize;
    }

    @Override
    public void processBlock(byte[] in, int inOff, byte[] out, int outOff) {
        JdkCiphers.update(ecb, in, inOff, blockSize, out, outOff);
    }

    @Override
    public void encryptCbc(byte[] iv, int ivOff, byte[] buf, int off, int length) {
        checkMode(Cipher.ENCRYPT_MODE);
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        System.arraycopy(buf, off, scratch, 0, length);
        JdkCiphers.init(cbc, mode, key, new IvParameterSpec(iv, ivOff, blockSize));
        JdkCiphers.doFinal(cbc, scratch, 0, length, buf, off);
    }

    @Override
    public void decryptCbc(byte[] iv, int ivOff, byte[] in, int inOff, int length, byte[] out, int outOff) {
        checkMode(Cipher.DECRYPT_MODE);
        JdkCiphers.init(cbc, mode, key, new IvParameterSpec(iv, ivOff, blockSize));
        JdkCiphers.doFinal(cbc, in, inOff, length, out, outOff);
    }

    private void checkMode(int wanted) {
        if (mode != wanted) {
            throw new IllegalStateException("this cipher was keyed to "
                    + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt"));
        }
    }
}
