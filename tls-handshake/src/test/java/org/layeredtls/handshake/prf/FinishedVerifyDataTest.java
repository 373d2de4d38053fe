package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.layeredtls.handshake.prf.MasterSecretTest.concat;
import static org.layeredtls.handshake.prf.Tls12PrfTest.pattern;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * Finished verify_data (RFC 5246 §7.4.9, RFC 2246 §7.4.9, RFC 6101 §5.6.9) and the CertificateVerify
 * hashes (RFC 4346 §7.4.8, RFC 6101 §5.6.8), with the expected bytes built from openssl dgst and kdf.
 */
class FinishedVerifyDataTest {

    private static final byte[] MASTER = pattern(48, 0x4d);
    private static final byte[] MESSAGES = pattern(1000, 0x01);

    @Test
    void tls12ClientFinishedIsThePrfOfTheSha256OfTheMessages() {
        byte[] expected = OpenSsl.tls1Prf("SHA256", MASTER, "client finished", OpenSsl.digest("sha256", MESSAGES), 12);
        assertArrayEquals(expected, KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256)
                .finishedVerifyData(MASTER, Sender.CLIENT, transcript()));
    }

    @Test
    void tls12Sha384ServerFinishedUsesSha384Twice() {
        byte[] expected = OpenSsl.tls1Prf("SHA384", MASTER, "server finished", OpenSsl.digest("sha384", MESSAGES), 12);
        assertArrayEquals(expected, KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA384)
                .finishedVerifyData(MASTER, Sender.SERVER, transcript()));
    }

    @Test
    void tls10And11FinishedUseMd5AndSha1OfTheMessages() {
        byte[] md5AndSha1 = concat(OpenSsl.digest("md5", MESSAGES), OpenSsl.digest("sha1", MESSAGES));
        byte[] client = OpenSsl.tls1Prf("MD5-SHA1", MASTER, "client finished", md5AndSha1, 12);
        byte[] server = OpenSsl.tls1Prf("MD5-SHA1", MASTER, "server finished", md5AndSha1, 12);
        assertArrayEquals(client, KeySchedule.of(ProtocolVersion.TLS1_0, null).finishedVerifyData(MASTER, Sender.CLIENT, transcript()));
        assertArrayEquals(server, KeySchedule.of(ProtocolVersion.TLS1_1, null).finishedVerifyData(MASTER, Sender.SERVER, transcript()));
    }

    @Test
    void ssl3FinishedIsTheKeyedMd5AndShaWithTheSenderCode() {
        for (Sender sender : Sender.values()) {
            byte[] code = sender == Sender.CLIENT ? new byte[] {'C', 'L', 'N', 'T'} : new byte[] {'S', 'R', 'V', 'R'};
            assertArrayEquals(openSslSsl3Hashes(code), KeySchedule.of(ProtocolVersion.SSL3_0, null)
                    .finishedVerifyData(MASTER, sender, transcript()), sender.name());
        }
    }

    @Test
    void ssl3CertificateVerifyIsTheKeyedMd5AndShaWithoutASender() {
        assertArrayEquals(openSslSsl3Hashes(new byte[0]),
                KeySchedule.of(ProtocolVersion.SSL3_0, null).certificateVerifyHash(MASTER, transcript()));
    }

    @Test
    void tls10CertificateVerifySignsMd5AndSha1OfTheMessages() {
        byte[] expected = concat(OpenSsl.digest("md5", MESSAGES), OpenSsl.digest("sha1", MESSAGES));
        assertArrayEquals(expected, KeySchedule.of(ProtocolVersion.TLS1_0, null).certificateVerifyHash(MASTER, transcript()));
        assertArrayEquals(expected, KeySchedule.of(ProtocolVersion.TLS1_1, null).certificateVerifyHash(MASTER, transcript()));
    }

    @Test
    void tls12LeavesTheCertificateVerifyHashToTheSignature() {
        assertThrows(UnsupportedOperationException.class, () -> KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256)
                .certificateVerifyHash(MASTER, transcript()));
    }

    @Test
    void theClientsFinishedTakenMidTranscriptLeavesTheServersToComeUnchanged() {
        // The server's Finished covers the client's Finished too: taking the client's must not disturb the hash.
        KeySchedule schedule = KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256);
        TranscriptHash transcript = transcript();
        byte[] clientFinished = schedule.finishedVerifyData(MASTER, Sender.CLIENT, transcript);
        byte[] finishedMessage = concat(new byte[] {20, 0, 0, 12}, clientFinished);
        transcript.update(finishedMessage);
        byte[] expected = OpenSsl.tls1Prf("SHA256", MASTER, "server finished",
                OpenSsl.digest("sha256", MESSAGES, finishedMessage), 12);
        assertArrayEquals(expected, schedule.finishedVerifyData(MASTER, Sender.SERVER, transcript));
    }

    @Test
    void rejectsAMasterSecretOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> KeySchedule.of(ProtocolVersion.TLS1_2, HashAlgorithm.SHA256)
                .finishedVerifyData(new byte[32], Sender.CLIENT, transcript()));
        assertThrows(IllegalArgumentException.class, () -> KeySchedule.of(ProtocolVersion.SSL3_0, null)
                .finishedVerifyData(new byte[32], Sender.CLIENT, transcript()));
    }

    /** The messages fed in uneven pieces, as records would bring them. */
    private static TranscriptHash transcript() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(MESSAGES, 0, 4);
        transcript.update(MESSAGES, 4, 333);
        transcript.update(Arrays.copyOfRange(MESSAGES, 337, MESSAGES.length));
        return transcript;
    }

    /** RFC 6101 §5.6.9: H(master + pad2 + H(messages + sender + master + pad1)) for MD5 (pads of 48) then SHA (40). */
    private static byte[] openSslSsl3Hashes(byte[] sender) {
        byte[] md5Inner = OpenSsl.digest("md5", MESSAGES, sender, MASTER, pad(0x36, 48));
        byte[] md5 = OpenSsl.digest("md5", MASTER, pad(0x5c, 48), md5Inner);
        byte[] shaInner = OpenSsl.digest("sha1", MESSAGES, sender, MASTER, pad(0x36, 40));
        byte[] sha = OpenSsl.digest("sha1", MASTER, pad(0x5c, 40), shaInner);
        return concat(md5, sha);
    }

    private static byte[] pad(int value, int length) {
        byte[] pad = new byte[length];
        Arrays.fill(pad, (byte) value);
        return pad;
    }
}
