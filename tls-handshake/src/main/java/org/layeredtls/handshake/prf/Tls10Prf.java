package org.layeredtls.handshake.prf;

import java.util.Arrays;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * The PRF of TLS 1.0 and TLS 1.1 (RFC 2246 §5, RFC 4346 §5):
 * <pre>
 *   PRF(secret, label, seed) = P_MD5(S1, label + seed) XOR P_SHA-1(S2, label + seed)
 * </pre>
 * where S1 is the first half of the secret and S2 the second half. When the secret has an odd
 * length the halves overlap by one byte: each is {@code ceil(length / 2)} bytes long.
 */
public final class Tls10Prf implements Prf {

    private final CryptoProvider crypto;

    /** The TLS 1.0/1.1 PRF on the {@linkplain CryptoProvider#defaultProvider() default provider}. */
    public Tls10Prf() {
        this(CryptoProvider.defaultProvider());
    }

    public Tls10Prf(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    @Override
    public byte[] derive(byte[] secret, String label, byte[] seed, int length) {
        PHash.checkLength(length);
        byte[] labelAndSeed = PHash.labelAndSeed(label, seed);
        // RFC 2246 §5: L_S1 = L_S2 = ceil(L_S / 2); S1 is the first half, S2 the last
        int halfLength = (secret.length + 1) / 2;
        byte[] s1 = Arrays.copyOfRange(secret, 0, halfLength);
        byte[] s2 = Arrays.copyOfRange(secret, secret.length - halfLength, secret.length);
        byte[] md5Part = PHash.expand(crypto, HashAlgorithm.MD5, s1, labelAndSeed, length);
        byte[] sha1Part = PHash.expand(crypto, HashAlgorithm.SHA1, s2, labelAndSeed, length);
        try {
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) {
                out[i] = (byte) (md5Part[i] ^ sha1Part[i]);
            }
            return out;
        } finally {
            Arrays.fill(s1, (byte) 0);
            Arrays.fill(s2, (byte) 0);
            Arrays.fill(md5Part, (byte) 0);
            Arrays.fill(sha1Part, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "TLS 1.0 PRF (P_MD5 XOR P_SHA1)";
    }
}
