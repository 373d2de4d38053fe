package org.layeredtls.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Memoable;

/**
 * {@link CryptoProvider} on BouncyCastle's lightweight API ({@code org.bouncycastle.crypto}): the
 * only class of the stack that touches BouncyCastle's symmetric primitives.
 */
public final class BouncyCastleCrypto implements CryptoProvider {

    public static final BouncyCastleCrypto INSTANCE = new BouncyCastleCrypto();

    private BouncyCastleCrypto() {
    }

    @Override
    public Hash hash(HashAlgorithm algorithm) {
        return new BcHash(algorithm, newDigest(algorithm));
    }

    @Override
    public Mac hmac(HashAlgorithm algorithm, byte[] key) {
        HMac hmac = new HMac(newDigest(algorithm));
        hmac.init(new KeyParameter(key));
        return new BcHmac(algorithm, hmac);
    }

    @Override
    public BlockCipher aes(byte[] key, boolean forEncryption) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key is 16, 24 or 32 bytes, not " + key.length);
        }
        return block(AESEngine.newInstance(), key, forEncryption);
    }

    @Override
    public BlockCipher tripleDes(byte[] key, boolean forEncryption) {
        if (key.length != 24) {
            throw new IllegalArgumentException("a 3DES-EDE key is 24 bytes, not " + key.length);
        }
        return block(new DESedeEngine(), key, forEncryption);
    }

    @Override
    public StreamCipher rc4(byte[] key) {
        RC4Engine rc4 = new RC4Engine();
        rc4.init(true, new KeyParameter(key));
        return (in, inOff, length, out, outOff) -> rc4.processBytes(in, inOff, length, out, outOff);
    }

    @Override
    public Aead aesGcm(byte[] key) {
        if (key.length != 16 && key.length != 32) {
            throw new IllegalArgumentException("an AES-GCM key is 16 or 32 bytes, not " + key.length);
        }
        return new BcAead(GCMBlockCipher.newInstance(AESEngine.newInstance()), key);
    }

    @Override
    public Aead chaCha20Poly1305(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a ChaCha20-Poly1305 key is 32 bytes, not " + key.length);
        }
        return new BcAead(new ChaCha20Poly1305(), key);
    }

    static Digest newDigest(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> new MD5Digest();
            case SHA1 -> new SHA1Digest();
            case SHA256 -> new SHA256Digest();
            case SHA384 -> new SHA384Digest();
            case SHA512 -> new SHA512Digest();
        };
    }

    private static BlockCipher block(org.bouncycastle.crypto.BlockCipher engine, byte[] key, boolean forEncryption) {
        engine.init(forEncryption, new KeyParameter(key));
        int blockSize = engine.getBlockSize();
        return new BlockCipher() {
            @Override
            public int blockSize() {
                return blockSize;
            }

            @Override
            public void processBlock(byte[] in, int inOff, byte[] out, int outOff) {
                engine.processBlock(in, inOff, out, outOff);
            }
        };
    }

    private record BcHash(HashAlgorithm algorithm, Digest digest) implements Hash {
        @Override
        public void update(byte input) {
            digest.update(input);
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            digest.update(input, offset, length);
        }

        @Override
        public int doFinal(byte[] out, int offset) {
            return digest.doFinal(out, offset);
        }

        @Override
        public void reset() {
            digest.reset();
        }

        @Override
        public Hash copy() {
            return new BcHash(algorithm, (Digest) ((Memoable) digest).copy());
        }
    }

    private record BcHmac(HashAlgorithm hashAlgorithm, HMac hmac) implements Mac {
        @Override
        public int macLength() {
            return hmac.getMacSize();
        }

        @Override
        public void update(byte input) {
            hmac.update(input);
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            hmac.update(input, offset, length);
        }

        @Override
        public int doFinal(byte[] out, int offset) {
            return hmac.doFinal(out, offset);
        }

        @Override
        public void reset() {
            hmac.reset();
        }
    }

    /**
     * An AEAD keyed once: the key is handed to BouncyCastle on the first call only, later calls
     * pass just the nonce, so the key schedule (and GCM's multiplication tables) are not rebuilt
     * for every record.
     */
    private static final class BcAead implements Aead {
        private static final int TAG_BITS = 128;
        private final AEADCipher cipher;
        private KeyParameter key;

        BcAead(AEADCipher cipher, byte[] key) {
            this.cipher = cipher;
            this.key = new KeyParameter(key);
        }

        @Override
        public int tagLength() {
            return TAG_BITS / 8;
        }

        @Override
        public int nonceLength() {
            return 12;
        }

        @Override
        public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLength,
                        byte[] in, int inOff, int length, byte[] out, int outOff) {
            init(true, nonce);
            cipher.processAADBytes(aad, aadOff, aadLength);
            int written = cipher.processBytes(in, inOff, length, out, outOff);
            try {
                return written + cipher.doFinal(out, outOff + written);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("encryption cannot fail a tag check", e);
            }
        }

        @Override
        public int open(byte[] nonce, byte[] aad, int aadOff, int aadLength,
                        byte[] in, int inOff, int length, byte[] out, int outOff) {
            if (length < tagLength()) {
                return -1;
            }
            init(false, nonce);
            cipher.processAADBytes(aad, aadOff, aadLength);
            int written = cipher.processBytes(in, inOff, length, out, outOff);
            try {
                return written + cipher.doFinal(out, outOff + written);
            } catch (InvalidCipherTextException badTag) {
                return -1;
            }
        }

        private void init(boolean forEncryption, byte[] nonce) {
            cipher.init(forEncryption, new AEADParameters(key, TAG_BITS, nonce));
            key = null; // keyed now: later calls reuse the key schedule
        }
    }
}
