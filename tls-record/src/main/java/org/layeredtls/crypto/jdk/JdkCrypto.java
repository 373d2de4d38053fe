package org.layeredtls.crypto.jdk;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.layeredtls.crypto.Aead;
import org.layeredtls.crypto.BlockCipher;
import org.layeredtls.crypto.BouncyCastleCrypto;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.KeyEncapsulation;
import org.layeredtls.crypto.Mac;
import org.layeredtls.crypto.StreamCipher;

/**
 * {@link CryptoProvider} on the JDK's own primitives ({@code javax.crypto.Cipher},
 * {@code javax.crypto.Mac}, {@code java.security.MessageDigest}, provider SunJCE/SUN). HotSpot
 * compiles AES, GHASH (GCM), CBC and SHA-1/2 into the CPU's AES-NI, CLMUL and SHA instructions,
 * which BouncyCastle's lightweight API cannot reach: this backend is for throughput; BouncyCastle
 * stays the default. The protocol does not know which one it talks to.
 *
 * <p>Every primitive of the record layer exists in SunJCE: AES-GCM, ChaCha20-Poly1305, AES-CBC,
 * 3DES-EDE ({@code DESede}), RC4 ({@code ARCFOUR}), HMAC-MD5/SHA-1/SHA-256/SHA-384/SHA-512 and the
 * hashes. One exception: SunJCE has no AES-CCM, so {@link #aesCcm} (TLS 1.3's TLS_AES_128_CCM_SHA256 and
 * TLS_AES_128_CCM_8_SHA256) falls back to BouncyCastle's. Every object keeps its {@code Cipher} or
 * {@code Mac} for its life (one per connection state and direction), keyed once.
 * The key encapsulation of the post-quantum hybrid X25519MLKEM768 is borrowed too: JDK 17 has no
 * ML-KEM ({@code javax.crypto.KEM} with ML-KEM arrives in JDK 24, JEP 496), so {@link #keyEncapsulation}
 * is BouncyCastle's.
 */
public final class JdkCrypto implements CryptoProvider {

    public static final JdkCrypto INSTANCE = new JdkCrypto();

    private JdkCrypto() {
    }

    @Override
    public Hash hash(HashAlgorithm algorithm) {
        return JdkHash.create(algorithm);
    }

    @Override
    public Mac hmac(HashAlgorithm algorithm, byte[] key) {
        return JdkHmac.create(algorithm, key);
    }

    @Override
    public BlockCipher aes(byte[] key, boolean forEncryption) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key is 16, 24 or 32 bytes, not " + key.length);
        }
        return new JdkBlockCipher("AES", key, forEncryption);
    }

    @Override
    public BlockCipher tripleDes(byte[] key, boolean forEncryption) {
        if (key.length != 24) {
            throw new IllegalArgumentException("a 3DES-EDE key is 24 bytes, not " + key.length);
        }
        return new JdkBlockCipher("DESede", key, forEncryption);
    }

    @Override
    public StreamCipher rc4(byte[] key) {
        Cipher rc4 = JdkCiphers.cipher("ARCFOUR");
        JdkCiphers.init(rc4, Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"), null);
        return (in, inOff, length, out, outOff) -> JdkCiphers.update(rc4, in, inOff, length, out, outOff);
    }

    @Override
    public Aead aesGcm(byte[] key) {
        if (key.length != 16 && key.length != 32) {
            throw new IllegalArgumentException("an AES-GCM key is 16 or 32 bytes, not " + key.length);
        }
        return JdkAead.aesGcm(key);
    }

    @Override
    public Aead chaCha20Poly1305(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a ChaCha20-Poly1305 key is 32 bytes, not " + key.length);
        }
        return JdkAead.chaCha20Poly1305(key);
    }

    /** SunJCE has no CCM mode: this is BouncyCastle's AES-CCM, one of the two primitives this backend borrows (ML-KEM is the other). */
    @Override
    public Aead aesCcm(byte[] key, int tagLength) {
        return BouncyCastleCrypto.INSTANCE.aesCcm(key, tagLength);
    }

    /** JDK 17 has no ML-KEM (JEP 496 adds it in JDK 24): this is BouncyCastle's, the other primitive this backend borrows. */
    @Override
    public KeyEncapsulation keyEncapsulation() {
        return KeyEncapsulation.defaultImplementation();
    }
}
