package org.layeredtls.handshake.testing;

import org.layeredtls.crypto.Aead;
import org.layeredtls.crypto.BlockCipher;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.KeyEncapsulation;
import org.layeredtls.crypto.Mac;
import org.layeredtls.crypto.StreamCipher;

/**
 * A test's stand-in for a crypto backend: every primitive is the default provider's (BouncyCastle's), and a
 * subclass overrides the one it counts or changes.
 */
public class DelegatingCryptoProvider implements CryptoProvider {

    private final CryptoProvider delegate = CryptoProvider.defaultProvider();

    @Override
    public Hash hash(HashAlgorithm algorithm) {
        return delegate.hash(algorithm);
    }

    @Override
    public Mac hmac(HashAlgorithm algorithm, byte[] key) {
        return delegate.hmac(algorithm, key);
    }

    @Override
    public BlockCipher aes(byte[] key, boolean forEncryption) {
        return delegate.aes(key, forEncryption);
    }

    @Override
    public BlockCipher tripleDes(byte[] key, boolean forEncryption) {
        return delegate.tripleDes(key, forEncryption);
    }

    @Override
    public StreamCipher rc4(byte[] key) {
        return delegate.rc4(key);
    }

    @Override
    public Aead aesGcm(byte[] key) {
        return delegate.aesGcm(key);
    }

    @Override
    public Aead chaCha20Poly1305(byte[] key) {
        return delegate.chaCha20Poly1305(key);
    }

    @Override
    public Aead aesCcm(byte[] key, int tagLength) {
        return delegate.aesCcm(key, tagLength);
    }

    @Override
    public KeyEncapsulation keyEncapsulation() {
        return delegate.keyEncapsulation();
    }
}
