package org.layeredtls.handshake.prf;

import java.util.Arrays;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * The keyed handshake hashes of SSL 3.0, in the shape of its record MAC (RFC 6101 §5.6.9 Finished,
 * §5.6.8 CertificateVerify):
 * <pre>
 *   md5_hash = MD5(master_secret + pad2 + MD5(handshake_messages + Sender + master_secret + pad1))
 *   sha_hash = SHA(master_secret + pad2 + SHA(handshake_messages + Sender + master_secret + pad1))
 * </pre>
 * pad1 is 0x36 and pad2 is 0x5c, repeated 48 times for MD5 and 40 times for SHA. The
 * CertificateVerify hashes are the same without the Sender. The result is md5_hash + sha_hash (36 bytes).
 */
final class Ssl3HandshakeHashes {

    private static final byte PAD1 = 0x36;
    private static final byte PAD2 = 0x5c;

    private final CryptoProvider crypto;

    Ssl3HandshakeHashes(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    /** Finished.md5_hash + Finished.sha_hash for the given side. */
    byte[] finished(TranscriptHash transcript, Sender sender, byte[] masterSecret) {
        return both(transcript, sender.ssl3Code(), masterSecret);
    }

    /** CertificateVerify.md5_hash + CertificateVerify.sha_hash. */
    byte[] certificateVerify(TranscriptHash transcript, byte[] masterSecret) {
        return both(transcript, new byte[0], masterSecret);
    }

    private byte[] both(TranscriptHash transcript, byte[] sender, byte[] masterSecret) {
        byte[] md5 = keyed(transcript, HashAlgorithm.MD5, 48, sender, masterSecret);
        byte[] sha = keyed(transcript, HashAlgorithm.SHA1, 40, sender, masterSecret);
        byte[] out = Arrays.copyOf(md5, md5.length + sha.length);
        System.arraycopy(sha, 0, out, md5.length, sha.length);
        return out;
    }

    private byte[] keyed(TranscriptHash transcript, HashAlgorithm algorithm, int padLength, byte[] sender,
                         byte[] masterSecret) {
        Hash inner = transcript.runningHash(algorithm);
        inner.update(sender);
        inner.update(masterSecret);
        pad(inner, PAD1, padLength);
        byte[] innerDigest = inner.doFinal();
        try {
            Hash outer = crypto.hash(algorithm);
            outer.update(masterSecret);
            pad(outer, PAD2, padLength);
            outer.update(innerDigest);
            return outer.doFinal();
        } finally {
            Arrays.fill(innerDigest, (byte) 0);
        }
    }

    private static void pad(Hash hash, byte value, int count) {
        for (int i = 0; i < count; i++) {
            hash.update(value);
        }
    }
}
