package org.layeredtls.handshake.prf;

import java.util.Arrays;
import java.util.List;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.ProtocolVersion;

/**
 * Everything the handshake derives from its secrets, for one protocol version: the master secret
 * (plain or extended), the key block cut into both directions' keys, the Finished verify_data and
 * the CertificateVerify hash. {@link #of} picks the derivation: SSL 3.0's own, the TLS 1.0/1.1 PRF,
 * or the TLS 1.2 PRF with the suite's hash.
 *
 * <p>Hello randoms are always passed client first; where a formula wants the server's first (the
 * key block) the schedule swaps them. Returned secrets belong to the caller, who wipes them.
 */
public abstract sealed class KeySchedule permits Ssl3KeySchedule, TlsKeySchedule {

    /** The master secret is always 48 bytes (RFC 5246 §8.1, RFC 6101 §6.1). */
    public static final int MASTER_SECRET_LENGTH = 48;

    /** The schedule for a version on the default crypto provider. */
    public static KeySchedule of(ProtocolVersion version, HashAlgorithm prfHash) {
        return of(version, prfHash, CryptoProvider.defaultProvider());
    }

    /**
     * The schedule for a version.
     *
     * @param prfHash the suite's PRF hash for TLS 1.2 (SHA-256 or SHA-384); ignored before TLS 1.2,
     *                whose derivations are fixed (may be {@code null} there)
     * @throws IllegalArgumentException for a version other than SSL 3.0 .. TLS 1.2, or a TLS 1.2 PRF hash
     *                                  other than SHA-256 or SHA-384
     */
    public static KeySchedule of(ProtocolVersion version, HashAlgorithm prfHash, CryptoProvider crypto) {
        if (version.equals(ProtocolVersion.SSL3_0)) {
            return new Ssl3KeySchedule(crypto);
        }
        if (version.equals(ProtocolVersion.TLS1_0) || version.equals(ProtocolVersion.TLS1_1)) {
            return new TlsKeySchedule(version, new Tls10Prf(crypto));
        }
        if (version.equals(ProtocolVersion.TLS1_2)) {
            if (prfHash == null) {
                throw new IllegalArgumentException("TLS 1.2 needs the cipher suite's PRF hash");
            }
            return new TlsKeySchedule(version, new Tls12Prf(prfHash, crypto));
        }
        throw new IllegalArgumentException("no key schedule for " + version);
    }

    /** The protocol version this schedule derives for. */
    public abstract ProtocolVersion version();

    /**
     * The hashes the {@link TranscriptHash} must keep running for this schedule's Finished
     * messages and session hash: MD5 and SHA-1 up to TLS 1.1, the PRF hash in TLS 1.2.
     */
    public abstract List<HashAlgorithm> transcriptHashes();

    /**
     * The 48-byte master secret from the pre-master secret (RFC 5246 §8.1):
     * {@code PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]};
     * SSL 3.0: RFC 6101 §6.1.
     */
    public abstract byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom);

    /**
     * The extended master secret (RFC 7627 §4):
     * {@code PRF(pre_master_secret, "extended master secret", session_hash)[0..47]}.
     *
     * @param sessionHash {@link #sessionHash} of the transcript up to and including the ClientKeyExchange
     * @throws UnsupportedOperationException under SSL 3.0, which has no PRF to define it with
     */
    public abstract byte[] extendedMasterSecret(byte[] preMasterSecret, byte[] sessionHash);

    /**
     * {@code Hash(handshake_messages)} as this version defines it: MD5 + SHA-1 (36 bytes) in TLS 1.0
     * and 1.1, the PRF hash in TLS 1.2. It is the RFC 7627 §3 session_hash when taken after the
     * ClientKeyExchange, and the seed of the Finished PRF when taken before a Finished.
     *
     * @throws UnsupportedOperationException under SSL 3.0, whose Finished hashes are keyed (see
     *                                       {@link #finishedVerifyData})
     */
    public abstract byte[] sessionHash(TranscriptHash transcript);

    /**
     * The key block, {@code PRF(master_secret, "key expansion", server_random + client_random)} (RFC 5246
     * §6.3; SSL 3.0: RFC 6101 §6.2.2), as long as the cipher spec needs, cut into the client's and
     * the server's write keys. IVs are derived for AEAD ciphers (4-byte GCM salt, 12-byte ChaCha20
     * IV) and for CBC in SSL 3.0 and TLS 1.0 only.
     */
    public final KeyBlock keyBlock(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, CipherSpec spec) {
        checkMasterSecret(masterSecret);
        KeyBlockLayout layout = KeyBlockLayout.of(version(), spec);
        byte[] keyBlock = keyBlockBytes(masterSecret, clientRandom, serverRandom, layout.length());
        try {
            return layout.cut(keyBlock);
        } finally {
            Arrays.fill(keyBlock, (byte) 0);
        }
    }

    /**
     * The verify_data of a Finished message over the transcript so far (the sender's own Finished
     * not included): 12 bytes in TLS (RFC 5246 §7.4.9, RFC 2246 §7.4.9), 36 in SSL 3.0 (RFC 6101 §5.6.9).
     */
    public abstract byte[] finishedVerifyData(byte[] masterSecret, Sender sender, TranscriptHash transcript);

    /**
     * The 36 bytes a client signs in its CertificateVerify, over the transcript up to (not including)
     * it: SSL 3.0 (RFC 6101 §5.6.8) the keyed MD5 + SHA hashes; TLS 1.0/1.1 (RFC 4346 §7.4.8)
     * MD5 + SHA-1 of the messages. An RSA signature takes all 36 bytes; DSA and ECDSA take the
     * last 20 (the SHA-1 part).
     *
     * @throws UnsupportedOperationException in TLS 1.2, where the signature's own hash runs over the
     *                                       messages (RFC 5246 §7.4.8): use {@link TranscriptHash#messages()}
     */
    public abstract byte[] certificateVerifyHash(byte[] masterSecret, TranscriptHash transcript);

    /**
     * RFC 5705 §4, the keying material exporter of TLS 1.0 to 1.2:
     * {@code PRF(master_secret, label, client_random + server_random [+ context_value_length + context_value])[0..length-1]};
     * {@code context} null: no context, which differs from an empty one.
     *
     * @throws UnsupportedOperationException under SSL 3.0, which has no PRF to define it with
     */
    public abstract byte[] exportKeyingMaterial(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom,
                                                String label, byte[] context, int length);

    /** The raw key block of {@code length} bytes. */
    abstract byte[] keyBlockBytes(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, int length);

    static void checkMasterSecret(byte[] masterSecret) {
        if (masterSecret.length != MASTER_SECRET_LENGTH) {
            throw new IllegalArgumentException("a master secret is 48 bytes, not " + masterSecret.length);
        }
    }

    @Override
    public String toString() {
        return "KeySchedule[" + version().displayName() + "]";
    }
}
