package org.layeredtls.crypto;

/**
 * The one seam between the protocol and the crypto primitives. The protocol asks this interface
 * for hashes, MACs, ciphers and the ML-KEM key encapsulation; {@link BouncyCastleCrypto} implements it with BouncyCastle's
 * lightweight API (the default), {@link org.layeredtls.crypto.jdk.JdkCrypto} with the JDK's
 * {@code javax.crypto} and {@code java.security}, and {@link CryptoBackend} names the two. Another
 * implementation can be plugged in without touching the protocol.
 */
public interface CryptoProvider {

    Hash hash(HashAlgorithm algorithm);

    Mac hmac(HashAlgorithm algorithm, byte[] key);

    /** AES with a 16- or 32-byte key, keyed to encrypt or to decrypt. */
    BlockCipher aes(byte[] key, boolean forEncryption);

    /** 3DES-EDE with a 24-byte key. */
    BlockCipher tripleDes(byte[] key, boolean forEncryption);

    /** RC4 with the given key. */
    StreamCipher rc4(byte[] key);

    /** AES-GCM (16-byte tag) with a 16- or 32-byte key. */
    Aead aesGcm(byte[] key);

    /** ChaCha20-Poly1305 (RFC 8439) with a 32-byte key. */
    Aead chaCha20Poly1305(byte[] key);

    /**
     * AES-CCM (RFC 3610, NIST SP 800-38C) with a 16-byte key and a 16-byte tag, or an 8-byte one (CCM_8).
     * A provider that has no CCM of its own (the JDK's, or a test's stand-in) lends BouncyCastle's.
     */
    default Aead aesCcm(byte[] key, int tagLength) {
        return BouncyCastleCrypto.INSTANCE.aesCcm(key, tagLength);
    }

    /**
     * ML-KEM (FIPS 203) for TLS 1.3's X25519MLKEM768 key share. A provider that has no ML-KEM of its
     * own (the JDK's: JDK 17 has none, or a test's stand-in) lends BouncyCastle's.
     */
    default KeyEncapsulation keyEncapsulation() {
        return KeyEncapsulation.defaultImplementation();
    }

    /** The default provider: BouncyCastle's. */
    static CryptoProvider defaultProvider() {
        return BouncyCastleCrypto.INSTANCE;
    }
}
