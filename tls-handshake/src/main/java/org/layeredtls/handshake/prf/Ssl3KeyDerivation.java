package org.layeredtls.handshake.prf;

import java.util.Arrays;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * How SSL 3.0 turns secrets into keys (RFC 6101 §6.1 and §6.2.2). SSL 3.0 predates the TLS PRF;
 * it expands a secret with nested MD5 and SHA-1 and a salt of growing letters:
 * <pre>
 *   master_secret = MD5(pre_master_secret + SHA('A'   + pre_master_secret + ClientHello.random + ServerHello.random)) +
 *                   MD5(pre_master_secret + SHA('BB'  + pre_master_secret + ClientHello.random + ServerHello.random)) +
 *                   MD5(pre_master_secret + SHA('CCC' + pre_master_secret + ClientHello.random + ServerHello.random))
 *
 *   key_block     = MD5(master_secret + SHA('A'   + master_secret + ServerHello.random + ClientHello.random)) +
 *                   MD5(master_secret + SHA('BB'  + master_secret + ServerHello.random + ClientHello.random)) + ...
 * </pre>
 * Note the randoms: client first for the master secret, server first for the key block.
 */
public final class Ssl3KeyDerivation {

    /** The master secret is always 48 bytes (RFC 6101 §6.1). */
    public static final int MASTER_SECRET_LENGTH = 48;

    /** The salts run from 'A' to 'Z': at most 26 MD5 blocks of 16 bytes. */
    public static final int MAX_LENGTH = 26 * 16;

    private final CryptoProvider crypto;

    /** SSL 3.0 key derivation on the default provider. */
    public Ssl3KeyDerivation() {
        this(CryptoProvider.defaultProvider());
    }

    public Ssl3KeyDerivation(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    /** RFC 6101 §6.1: the 48-byte master secret, salted with ClientHello.random + ServerHello.random. */
    public byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom) {
        return expand(preMasterSecret, clientRandom, serverRandom, MASTER_SECRET_LENGTH);
    }

    /**
     * RFC 6101 §6.2.2: the first {@code length} bytes of the key block, salted with
     * ServerHello.random + ClientHello.random (the randoms are passed client first, as everywhere
     * in this package; the server's goes first into the hash).
     */
    public byte[] keyBlock(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, int length) {
        return expand(masterSecret, serverRandom, clientRandom, length);
    }

    /** MD5(secret + SHA(salt_i + secret + first + second)) for i = 1, 2, ... cut to length. */
    private byte[] expand(byte[] secret, byte[] first, byte[] second, int length) {
        PHash.checkLength(length);
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("SSL 3.0 derivation gives at most " + MAX_LENGTH + " bytes, not " + length);
        }
        Hash md5 = crypto.hash(HashAlgorithm.MD5);
        Hash sha1 = crypto.hash(HashAlgorithm.SHA1);
        byte[] out = new byte[length];
        byte[] shaDigest = new byte[HashAlgorithm.SHA1.digestLength()];
        byte[] md5Digest = new byte[HashAlgorithm.MD5.digestLength()];
        try {
            for (int round = 0; round * md5Digest.length < length; round++) {
                // the salt: 'A', 'BB', 'CCC', ... (round + 1 copies of the round's letter)
                for (int i = 0; i <= round; i++) {
                    sha1.update((byte) ('A' + round));
                }
                sha1.update(secret);
                sha1.update(first);
                sha1.update(second);
                sha1.doFinal(shaDigest, 0);
                md5.update(secret);
                md5.update(shaDigest);
                md5.doFinal(md5Digest, 0);
                int offset = round * md5Digest.length;
                System.arraycopy(md5Digest, 0, out, offset, Math.min(md5Digest.length, length - offset));
            }
            return out;
        } finally {
            Arrays.fill(shaDigest, (byte) 0);
            Arrays.fill(md5Digest, (byte) 0);
        }
    }
}
