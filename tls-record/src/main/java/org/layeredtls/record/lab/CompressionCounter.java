package org.layeredtls.record.lab;

import org.layeredtls.crypto.Aead;
import org.layeredtls.crypto.BlockCipher;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.crypto.StreamCipher;

/**
 * A {@link CryptoProvider} that counts the hash compression-function calls of the HMACs it makes:
 * the unit of the time a MAC takes, and so what a timing attacker measures, without a clock.
 *
 * <p>SHA-1 and SHA-2 are Merkle-Damg&aring;rd hashes: they run their compression function once per
 * full block of input (64 bytes for SHA-1), and at the end pad the message with 0x80 and an 8-byte
 * (SHA-384: 16-byte) length, which makes one more block, or two when fewer than 9 bytes are left in
 * the last one. HMAC (RFC 2104) hashes K xor ipad (one block), then the message; then K xor opad
 * and the inner digest. Implementations (BouncyCastle, OpenSSL, the JDK) hash the two key blocks
 * once, when the key is set, and start every MAC from the saved states, so a MAC over {@code n}
 * bytes costs
 * <pre>
 *   ceil((n + 9) / 64)  +  ceil((20 + 9) / 64)      HMAC-SHA1: inner + outer = ceil((n + 9) / 64) + 1
 * </pre>
 * and bytes fed then {@link Mac#reset() reset} cost the full blocks they filled. The counter
 * applies these rules to the bytes each MAC is fed; everything else is passed to the real provider.
 */
final class CompressionCounter implements CryptoProvider {

    private final CryptoProvider real;
    private long compressions;

    CompressionCounter(CryptoProvider real) {
        this.real = real;
    }

    /** Compression-function calls since the last {@link #restart()}. */
    long compressions() {
        return compressions;
    }

    void restart() {
        compressions = 0;
    }

    /** Calls for {@code bytes} after the saved key block (the final padding and length field included). */
    private static long finished(HashAlgorithm hash, long bytes) {
        int lengthField = hash.blockLength() == 128 ? 16 : 8;
        return (bytes + 1 + lengthField + hash.blockLength() - 1) / hash.blockLength();
    }

    @Override
    public Mac hmac(HashAlgorithm algorithm, byte[] key) {
        Mac mac = real.hmac(algorithm, key);
        return new Mac() {
            private long fed;

            @Override
            public int macLength() {
                return mac.macLength();
            }

            @Override
            public HashAlgorithm hashAlgorithm() {
                return algorithm;
            }

            @Override
            public void update(byte input) {
                fed++;
                mac.update(input);
            }

            @Override
            public void update(byte[] input, int offset, int length) {
                fed += length;
                mac.update(input, offset, length);
            }

            @Override
            public int doFinal(byte[] out, int offset) {
                compressions += finished(algorithm, fed) + finished(algorithm, macLength());
                fed = 0;
                return mac.doFinal(out, offset);
            }

            @Override
            public void reset() {
                compressions += fed / algorithm.blockLength(); // the blocks already filled were compressed
                fed = 0;
                mac.reset();
            }
        };
    }

    @Override
    public Hash hash(HashAlgorithm algorithm) {
        return real.hash(algorithm);
    }

    @Override
    public BlockCipher aes(byte[] key, boolean forEncryption) {
        return real.aes(key, forEncryption);
    }

    @Override
    public BlockCipher tripleDes(byte[] key, boolean forEncryption) {
        return real.tripleDes(key, forEncryption);
    }

    @Override
    public StreamCipher rc4(byte[] key) {
        return real.rc4(key);
    }

    @Override
    public Aead aesGcm(byte[] key) {
        return real.aesGcm(key);
    }

    @Override
    public Aead chaCha20Poly1305(byte[] key) {
        return real.chaCha20Poly1305(key);
    }
}
