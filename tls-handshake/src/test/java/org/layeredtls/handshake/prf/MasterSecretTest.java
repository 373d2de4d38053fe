package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.layeredtls.handshake.prf.Tls12PrfTest.pattern;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/** The master secret, plain (RFC 5246 §8.1) and extended (RFC 7627 §4), against openssl. */
class MasterSecretTest {

    private static final byte[] PRE_MASTER = pattern(48, 0x03);
    private static final byte[] CLIENT_RANDOM = pattern(32, 0x90);
    private static final byte[] SERVER_RANDOM = pattern(32, 0x05);
    private static final byte[] MESSAGES = pattern(700, 0x16);

    @Test
    void tls12MasterSecretIsThePrfOfTheRandomsClientFirst() {
        byte[] expected = OpenSsl.tls1Prf("SHA256", PRE_MASTER, "master secret",
                HelloRandoms.join(CLIENT_RANDOM, SERVER_RANDOM), 48);
        assertArrayEquals(expected,
                KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256).masterSecret(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM));
    }

    @Test
    void tls12Sha384SuitesUseTheSha384Prf() {
        byte[] dhSecret = pattern(256, 0x00);
        byte[] expected = OpenSsl.tls1Prf("SHA384", dhSecret, "master secret",
                HelloRandoms.join(CLIENT_RANDOM, SERVER_RANDOM), 48);
        assertArrayEquals(expected,
                KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA384).masterSecret(dhSecret, CLIENT_RANDOM, SERVER_RANDOM));
    }

    @Test
    void tls10AndTls11UseTheMd5Sha1PrfWhateverHashIsPassed() {
        byte[] expected = OpenSsl.tls1Prf("MD5-SHA1", PRE_MASTER, "master secret",
                HelloRandoms.join(CLIENT_RANDOM, SERVER_RANDOM), 48);
        assertArrayEquals(expected, KeySchedule.of(ProtocolVersion.TLS1_0, null).masterSecret(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM));
        assertArrayEquals(expected,
                KeySchedule.of(ProtocolVersion.TLS1_1, HashAlgorithm.SHA256).masterSecret(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM));
    }

    @Test
    void ssl3MasterSecretIsTheSsl3Derivation() {
        assertArrayEquals(new Ssl3KeyDerivation().masterSecret(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM),
                KeySchedule.of(ProtocolVersion.SSL3_0, null).masterSecret(PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM));
    }

    @Test
    void tls12ExtendedMasterSecretIsThePrfOfTheSessionHash() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(MESSAGES);
        KeySchedule schedule = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256);
        byte[] sessionHash = schedule.sessionHash(transcript);
        assertArrayEquals(OpenSsl.digest("sha256", MESSAGES), sessionHash);
        byte[] expected = OpenSsl.tls1Prf("SHA256", PRE_MASTER, "extended master secret", sessionHash, 48);
        assertArrayEquals(expected, schedule.extendedMasterSecret(PRE_MASTER, sessionHash));
    }

    @Test
    void tls12Sha384SessionHashIsSha384() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(MESSAGES);
        assertArrayEquals(OpenSsl.digest("sha384", MESSAGES),
                KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA384).sessionHash(transcript));
    }

    @Test
    void tls10ExtendedMasterSecretUsesMd5AndSha1OfTheMessages() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(MESSAGES);
        KeySchedule schedule = KeySchedule.of(ProtocolVersion.TLS1_0, null);
        byte[] sessionHash = schedule.sessionHash(transcript);
        assertArrayEquals(concat(OpenSsl.digest("md5", MESSAGES), OpenSsl.digest("sha1", MESSAGES)), sessionHash);
        byte[] expected = OpenSsl.tls1Prf("MD5-SHA1", PRE_MASTER, "extended master secret", sessionHash, 48);
        assertArrayEquals(expected, schedule.extendedMasterSecret(PRE_MASTER, sessionHash));
    }

    @Test
    void ssl3HasNoExtendedMasterSecret() {
        KeySchedule ssl3 = KeySchedule.of(ProtocolVersion.SSL3_0, null);
        assertThrows(UnsupportedOperationException.class, () -> ssl3.extendedMasterSecret(PRE_MASTER, new byte[36]));
        assertThrows(UnsupportedOperationException.class, () -> ssl3.sessionHash(new TranscriptHash()));
    }

    @Test
    void schedulesExistForSsl3ToTls12Only() {
        assertThrows(IllegalArgumentException.class, () -> KeySchedule.of(ProtocolVersion.TLS1_3, HashAlgorithm.SHA256));
        assertThrows(IllegalArgumentException.class, () -> KeySchedule.of(new ProtocolVersion(2, 0), null));
        assertThrows(IllegalArgumentException.class, () -> KeySchedule.of(ProtocolVersion.TLS1_2, null));
        assertThrows(IllegalArgumentException.class, () -> KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA1));
        assertEquals(ProtocolVersion.TLS1_1, KeySchedule.of(ProtocolVersion.TLS1_1, null).version());
    }

    @Test
    void namesTheTranscriptHashesItNeeds() {
        assertEquals(List.of(HashAlgorithm.SHA384), KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA384).transcriptHashes());
        assertEquals(List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1), KeySchedule.of(ProtocolVersion.TLS1_0, null).transcriptHashes());
        assertEquals(List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1), KeySchedule.of(ProtocolVersion.SSL3_0, null).transcriptHashes());
    }

    @Test
    void rejectsRandomsAndMasterSecretsOfTheWrongLength() {
        KeySchedule schedule = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256);
        CipherSpec spec = CipherSpec.of(BulkCipherAlgorithm.AES_128_GCM, MacAlgorithm.NULL);
        assertThrows(IllegalArgumentException.class, () -> schedule.masterSecret(PRE_MASTER, new byte[31], SERVER_RANDOM));
        assertThrows(IllegalArgumentException.class, () -> schedule.keyBlock(PRE_MASTER, CLIENT_RANDOM, new byte[33], spec));
        assertThrows(IllegalArgumentException.class, () -> schedule.keyBlock(new byte[47], CLIENT_RANDOM, SERVER_RANDOM, spec));
        assertThrows(IllegalArgumentException.class,
                () -> KeySchedule.of(ProtocolVersion.SSL3_0, null).masterSecret(PRE_MASTER, CLIENT_RANDOM, new byte[28]));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
