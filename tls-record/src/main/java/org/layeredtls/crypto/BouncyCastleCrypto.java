package org.layeredtls.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.macs.HMac;
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
        return new AesGcm(key); // not BC's GCMBlockCipher: see AesGcm for why
    }

    @Override
    public Aead chaCha20Poly1305(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a ChaCha20-Poly1305 key is 32 bytes, not " + key.length);
        }
        return new ChaCha20Poly1305Aead(key); // not BC's ChaCha20Poly1305: see there for why
    }

    @Override
    public Aead aesCcm(byte[] key, int tagLength) {
        if (key.length != 16) {
            throw new IllegalArgumentException("an AES-128-CCM key is 16 bytes, not " + key.length);
        }
        return new AesCcm(key, tagLength);
    }

    @Override
    public KeyEncapsulation keyEncapsulation() {
        return BouncyCastleKeyEncapsulation.INSTANCE;
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
}
