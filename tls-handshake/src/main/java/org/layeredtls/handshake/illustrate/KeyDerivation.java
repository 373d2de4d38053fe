package org.layeredtls.handshake.illustrate;

import java.util.Optional;

import org.layeredtls.handshake.prf.KeyBlock;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.ProtocolVersion;

/**
 * One handshake's key derivation with the values of this session: the randoms, the master secret
 * as the stack reported it, and the key block cut from it (RFC 5246 §6.3), computed again here by
 * the stack's own {@link KeySchedule} from the reported master secret. {@code recordsSeen}: how many
 * records this side had seen when the master secret was reported (where the handshake is on the ladder);
 * {@code preMasterSecret}: as the stack reported it, {@code null} for a resumed handshake (none is computed).
 */
record KeyDerivation(ProtocolVersion version, CipherSuite suite, byte[] clientRandom, byte[] serverRandom,
                     byte[] masterSecret, boolean extendedMasterSecret, boolean resumed, CipherSpec spec, int recordsSeen,
                     byte[] preMasterSecret) {

    /** The key block this session's record protection uses, if the cipher spec is known. */
    Optional<KeyBlock> keyBlock() {
        if (spec == null || serverRandom == null) {
            return Optional.empty();
        }
        return Optional.of(KeySchedule.of(version, suite.prfHash()).keyBlock(masterSecret, clientRandom, serverRandom, spec));
    }

    KeyDerivation withSpec(CipherSpec cipherSpec) {
        return new KeyDerivation(version, suite, clientRandom, serverRandom, masterSecret, extendedMasterSecret, resumed,
                cipherSpec, recordsSeen, preMasterSecret);
    }
}
