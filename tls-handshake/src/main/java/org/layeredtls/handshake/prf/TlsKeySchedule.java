package org.layeredtls.handshake.prf;

import java.util.List;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/** The key schedule of TLS 1.0, 1.1 and 1.2: everything is a PRF call (RFC 5246 §5, §6.3, §7.4.9, §8.1). */
final class TlsKeySchedule extends KeySchedule {

    /** RFC 5246 §7.4.9: verify_data_length is 12 unless a suite says otherwise (none we have does). */
    static final int VERIFY_DATA_LENGTH = 12;

    private final ProtocolVersion version;
    private final Prf prf;

    TlsKeySchedule(ProtocolVersion version, Prf prf) {
        this.version = version;
        this.prf = prf;
    }

    @Override
    public ProtocolVersion version() {
        return version;
    }

    @Override
    public List<HashAlgorithm> transcriptHashes() {
        return prf instanceof Tls12Prf tls12 ? List.of(tls12.hash()) : List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1);
    }

    @Override
    public byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom) {
        // RFC 5246 §8.1: seeded with ClientHello.random + ServerHello.random
        byte[] seed = HelloRandoms.join(clientRandom, serverRandom);
        return prf.derive(preMasterSecret, "master secret", seed, MASTER_SECRET_LENGTH);
    }

    @Override
    public byte[] extendedMasterSecret(byte[] preMasterSecret, byte[] sessionHash) {
        // RFC 7627 §4: the session hash replaces the randoms
        return prf.derive(preMasterSecret, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
    }

    @Override
    public byte[] sessionHash(TranscriptHash transcript) {
        // RFC 7627 §3 and RFC 5246 §7.4.9: the PRF hash in TLS 1.2; MD5 + SHA-1 before (RFC 2246 §7.4.9)
        return prf instanceof Tls12Prf tls12 ? transcript.digest(tls12.hash()) : transcript.md5AndSha1();
    }

    @Override
    byte[] keyBlockBytes(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, int length) {
        // RFC 5246 §6.3: seeded with server_random + client_random (the other way round from §8.1)
        byte[] seed = HelloRandoms.join(serverRandom, clientRandom);
        return prf.derive(masterSecret, "key expansion", seed, length);
    }

    @Override
    public byte[] exportKeyingMaterial(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom,
                                       String label, byte[] context, int length) {
        checkMasterSecret(masterSecret);
        // RFC 5705 §4: seed = client_random + server_random [+ context_value_length (uint16) + context_value]
        byte[] randoms = HelloRandoms.join(clientRandom, serverRandom);
        if (context == null) {
            return prf.derive(masterSecret, label, randoms, length);
        }
        if (context.length > 0xFFFF) {
            throw new IllegalArgumentException("an exporter context is at most 2^16-1 bytes, not " + context.length);
        }
        byte[] seed = new org.layeredtls.codec.ByteWriter(randoms.length + 2 + context.length)
                .bytes(randoms).vector16(context).toByteArray();
        return prf.derive(masterSecret, label, seed, length);
    }

    @Override
    public byte[] finishedVerifyData(byte[] masterSecret, Sender sender, TranscriptHash transcript) {
        checkMasterSecret(masterSecret);
        // RFC 5246 §7.4.9: PRF(master_secret, finished_label, Hash(handshake_messages))[0..11]
        return prf.derive(masterSecret, sender.finishedLabel(), sessionHash(transcript), VERIFY_DATA_LENGTH);
    }

    @Override
    public byte[] certificateVerifyHash(byte[] masterSecret, TranscriptHash transcript) {
        if (prf instanceof Tls12Prf) {
            throw new UnsupportedOperationException(
                    "TLS 1.2 signs the handshake messages with the signature's hash (RFC 5246 §7.4.8)");
        }
        // RFC 4346 §7.4.8 and §7.4.3: md5_hash + sha_hash of the handshake messages
        return transcript.md5AndSha1();
    }
}
