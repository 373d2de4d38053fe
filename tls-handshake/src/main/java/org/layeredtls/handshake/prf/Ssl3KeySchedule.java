package org.layeredtls.handshake.prf;

import java.util.List;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/** The key schedule of SSL 3.0: nested MD5/SHA derivations instead of a PRF (RFC 6101 §5.6, §6). */
final class Ssl3KeySchedule extends KeySchedule {

    private final Ssl3KeyDerivation derivation;
    private final Ssl3HandshakeHashes handshakeHashes;

    Ssl3KeySchedule(CryptoProvider crypto) {
        this.derivation = new Ssl3KeyDerivation(crypto);
        this.handshakeHashes = new Ssl3HandshakeHashes(crypto);
    }

    @Override
    public ProtocolVersion version() {
        return ProtocolVersion.SSL3_0;
    }

    @Override
    public List<HashAlgorithm> transcriptHashes() {
        return List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1);
    }

    @Override
    public byte[] masterSecret(byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom) {
        HelloRandoms.check(clientRandom);
        HelloRandoms.check(serverRandom);
        return derivation.masterSecret(preMasterSecret, clientRandom, serverRandom);
    }

    @Override
    public byte[] extendedMasterSecret(byte[] preMasterSecret, byte[] sessionHash) {
        throw new UnsupportedOperationException("RFC 7627 defines the extended master secret with the TLS PRF; SSL 3.0 has none");
    }

    @Override
    public byte[] exportKeyingMaterial(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom,
                                       String label, byte[] context, int length) {
        throw new UnsupportedOperationException("RFC 5705 defines exporters with the TLS PRF; SSL 3.0 has none");
    }

    @Override
    public byte[] sessionHash(TranscriptHash transcript) {
        throw new UnsupportedOperationException("SSL 3.0 has no session hash; its Finished hashes are keyed");
    }

    @Override
    byte[] keyBlockBytes(byte[] masterSecret, byte[] clientRandom, byte[] serverRandom, int length) {
        HelloRandoms.check(clientRandom);
        HelloRandoms.check(serverRandom);
        return derivation.keyBlock(masterSecret, clientRandom, serverRandom, length);
    }

    @Override
    public byte[] finishedVerifyData(byte[] masterSecret, Sender sender, TranscriptHash transcript) {
        checkMasterSecret(masterSecret);
        return handshakeHashes.finished(transcript, sender, masterSecret);
    }

    @Override
    public byte[] certificateVerifyHash(byte[] masterSecret, TranscriptHash transcript) {
        checkMasterSecret(masterSecret);
        return handshakeHashes.certificateVerify(transcript, masterSecret);
    }
}
