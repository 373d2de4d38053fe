package org.layeredtls.handshake.prf;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * The PRF of TLS 1.2 (RFC 5246 §5): {@code PRF(secret, label, seed) = P_<hash>(secret, label + seed)},
 * with the hash the cipher suite names: SHA-256 for every suite of RFC 5246 and SHA-384 for the
 * suites that say so (RFC 5288, RFC 5289 for the {@code _SHA384} suites).
 */
public final class Tls12Prf implements Prf {

    private final HashAlgorithm hash;
    private final CryptoProvider crypto;

    /** The TLS 1.2 PRF with SHA-256 or SHA-384 on the default provider. */
    public Tls12Prf(HashAlgorithm hash) {
        this(hash, CryptoProvider.defaultProvider());
    }

    public Tls12Prf(HashAlgorithm hash, CryptoProvider crypto) {
        if (hash != HashAlgorithm.SHA256 && hash != HashAlgorithm.SHA384) {
            throw new IllegalArgumentException("the TLS 1.2 PRF hash is SHA-256 or SHA-384, not " + hash);
        }
        this.hash = hash;
        this.crypto = crypto;
    }

    /** The hash of P_hash, which is also the hash of the Finished message (RFC 5246 §7.4.9). */
    public HashAlgorithm hash() {
        return hash;
    }

    @Override
    public byte[] derive(byte[] secret, String label, byte[] seed, int length) {
        return PHash.expand(crypto, hash, secret, PHash.labelAndSeed(label, seed), length);
    }

    @Override
    public String toString() {
        return "TLS 1.2 PRF (P_" + hash + ")";
    }
}
