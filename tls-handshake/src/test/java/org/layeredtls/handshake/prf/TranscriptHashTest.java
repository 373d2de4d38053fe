package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.prf.MasterSecretTest.concat;
import static org.layeredtls.handshake.prf.Tls12PrfTest.pattern;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.HashAlgorithm;

class TranscriptHashTest {

    private static final byte[] CLIENT_HELLO = pattern(190, 0x01);
    private static final byte[] SERVER_HELLO = pattern(90, 0x02);
    private static final byte[] CLIENT_KEY_EXCHANGE = pattern(70, 0x10);

    @Test
    void digestsEqualOpenSslsOverTheSameBytes() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(CLIENT_HELLO);
        transcript.update(SERVER_HELLO);
        assertArrayEquals(OpenSsl.digest("sha256", CLIENT_HELLO, SERVER_HELLO), transcript.digest(HashAlgorithm.SHA256));
        assertArrayEquals(OpenSsl.digest("sha384", CLIENT_HELLO, SERVER_HELLO), transcript.digest(HashAlgorithm.SHA384));
        assertArrayEquals(concat(OpenSsl.digest("md5", CLIENT_HELLO, SERVER_HELLO), OpenSsl.digest("sha1", CLIENT_HELLO, SERVER_HELLO)),
                transcript.md5AndSha1());
    }

    @Test
    void aHashTrackedOnceTheSuiteIsKnownCoversTheBytesKeptBefore() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(CLIENT_HELLO);
        transcript.update(SERVER_HELLO);
        transcript.track(HashAlgorithm.SHA384);
        transcript.stopBuffering();
        transcript.update(CLIENT_KEY_EXCHANGE);
        assertArrayEquals(OpenSsl.digest("sha384", CLIENT_HELLO, SERVER_HELLO, CLIENT_KEY_EXCHANGE),
                transcript.digest(HashAlgorithm.SHA384));
        assertEquals(350, transcript.length());
    }

    @Test
    void aMidTranscriptDigestLeavesTheRunningHashAlone() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.track(HashAlgorithm.SHA256);
        transcript.update(CLIENT_HELLO);
        byte[] sessionHash = transcript.digest(HashAlgorithm.SHA256);
        transcript.update(SERVER_HELLO);
        assertArrayEquals(OpenSsl.digest("sha256", CLIENT_HELLO), sessionHash);
        assertArrayEquals(OpenSsl.digest("sha256", CLIENT_HELLO, SERVER_HELLO), transcript.digest(HashAlgorithm.SHA256));
    }

    @Test
    void keepsTheMessagesForASignerUntilItStopsBuffering() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.update(CLIENT_HELLO);
        transcript.track(HashAlgorithm.SHA256);
        transcript.update(SERVER_HELLO);
        assertTrue(transcript.isBuffering());
        assertArrayEquals(concat(CLIENT_HELLO, SERVER_HELLO), transcript.messages());
        transcript.stopBuffering();
        assertFalse(transcript.isBuffering());
        assertThrows(IllegalStateException.class, transcript::messages);
        assertThrows(IllegalStateException.class, () -> transcript.digest(HashAlgorithm.SHA1));
        assertThrows(IllegalStateException.class, () -> transcript.track(HashAlgorithm.SHA384));
        assertTrue(transcript.isTracked(HashAlgorithm.SHA256));
    }

    @Test
    void aRunningHashCopyCanBeFedWithoutChangingTheTranscript() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.track(HashAlgorithm.MD5);
        transcript.update(CLIENT_HELLO);
        var copy = transcript.runningHash(HashAlgorithm.MD5);
        copy.update(SERVER_HELLO);
        assertArrayEquals(OpenSsl.digest("md5", CLIENT_HELLO, SERVER_HELLO), copy.doFinal());
        assertArrayEquals(OpenSsl.digest("md5", CLIENT_HELLO), transcript.digest(HashAlgorithm.MD5));
    }

    @Test
    void rejectsARangeOutsideTheArray() {
        TranscriptHash transcript = new TranscriptHash();
        assertThrows(IndexOutOfBoundsException.class, () -> transcript.update(CLIENT_HELLO, 100, 91));
        assertThrows(IndexOutOfBoundsException.class, () -> transcript.update(CLIENT_HELLO, -1, 1));
        assertEquals(0, transcript.length());
    }
}
