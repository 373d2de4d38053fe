package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.prf.Rfc8448.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

class Tls13TranscriptTest {

    private static byte[] sha(HashAlgorithm algorithm, byte[] input) {
        Hash hash = CryptoProvider.defaultProvider().hash(algorithm);
        hash.update(input);
        return hash.doFinal();
    }

    @Test
    void keepsMessagesUntilTheSuitesHashIsSelected() {
        Tls13Transcript transcript = new Tls13Transcript();
        transcript.add(S3_CLIENT_HELLO);
        assertTrue(transcript.hashAlgorithm().isEmpty());
        assertThrows(IllegalStateException.class, transcript::hash);
        transcript.add(S3_SERVER_HELLO);
        transcript.selectHash(HashAlgorithm.SHA256);
        assertArrayEquals(S3_HASH_CH_SH, transcript.hash());
    }

    @Test
    void hashesWithSha384OnceTheSuiteSaysSo() {
        Tls13Transcript transcript = new Tls13Transcript();
        transcript.add(S3_CLIENT_HELLO);
        transcript.add(S3_SERVER_HELLO);
        transcript.selectHash(HashAlgorithm.SHA384);
        assertArrayEquals(sha(HashAlgorithm.SHA384, Rfc8448.concat(S3_CLIENT_HELLO, S3_SERVER_HELLO)), transcript.hash());
    }

    @Test
    void theHashCannotChangeOnceSelected() {
        Tls13Transcript transcript = new Tls13Transcript(HashAlgorithm.SHA256);
        transcript.selectHash(HashAlgorithm.SHA256);
        assertThrows(IllegalStateException.class, () -> transcript.selectHash(HashAlgorithm.SHA384));
    }

    @Test
    void aContinuationGoesOnFromTheHashWithoutTheMessagesAndLeavesTheOriginalAlone() {
        Tls13Transcript transcript = new Tls13Transcript(HashAlgorithm.SHA256);
        transcript.add(S3_CLIENT_HELLO);
        Tls13Transcript continuation = transcript.continuation();
        assertEquals(0, continuation.messageCount(), "it keeps no message of the original");
        continuation.add(S3_SERVER_HELLO);
        assertArrayEquals(S3_HASH_CH_SH, continuation.hash());
        assertArrayEquals(sha(HashAlgorithm.SHA256, S3_CLIENT_HELLO), transcript.hash(), "the original goes on unchanged");
        assertThrows(IllegalStateException.class, continuation::replaceClientHelloWithMessageHash);
        assertThrows(IllegalStateException.class, () -> new Tls13Transcript().continuation(), "no hash yet");
    }

    @Test
    void askingForTheHashDoesNotDisturbTheTranscript() {
        Tls13Transcript transcript = new Tls13Transcript(HashAlgorithm.SHA256);
        transcript.add(S3_CLIENT_HELLO);
        byte[] first = transcript.hash();
        assertArrayEquals(first, transcript.hash());
        transcript.add(S3_SERVER_HELLO);
        assertArrayEquals(S3_HASH_CH_SH, transcript.hash());
    }

    @Test
    void addRefusesBytesThatAreNotExactlyOneMessage() {
        Tls13Transcript transcript = new Tls13Transcript(HashAlgorithm.SHA256);
        assertThrows(IllegalArgumentException.class, () -> transcript.add(new byte[] {1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> transcript.add(Arrays.copyOf(S3_CLIENT_HELLO, 100)));
        assertThrows(IllegalArgumentException.class, () -> transcript.add(Rfc8448.concat(S3_CLIENT_HELLO, S3_SERVER_HELLO)));
        assertEquals(0, transcript.messageCount());
    }

    @Test
    void aCopyGoesOnIndependently() {
        Tls13Transcript transcript = new Tls13Transcript(HashAlgorithm.SHA256);
        transcript.add(S3_CLIENT_HELLO);
        Tls13Transcript copy = transcript.copy();
        copy.add(S3_SERVER_HELLO);
        assertArrayEquals(sha(HashAlgorithm.SHA256, S3_CLIENT_HELLO), transcript.hash());
        assertArrayEquals(S3_HASH_CH_SH, copy.hash());
        assertEquals(1, transcript.messageCount());
        assertEquals(2, copy.messageCount());
    }

    @Test
    void aCopyOfABufferingTranscriptBuffersToo() {
        Tls13Transcript transcript = new Tls13Transcript();
        transcript.add(S3_CLIENT_HELLO);
        Tls13Transcript copy = transcript.copy();
        copy.add(S3_SERVER_HELLO);
        copy.selectHash(HashAlgorithm.SHA256);
        assertArrayEquals(S3_HASH_CH_SH, copy.hash());
        assertTrue(transcript.hashAlgorithm().isEmpty());
    }

    @Test
    void hashWithCoversAPartialMessageWithoutAddingIt() {
        Tls13Transcript transcript = new Tls13Transcript(HashAlgorithm.SHA256);
        byte[] truncated = Arrays.copyOf(S4_CLIENT_HELLO, 477);
        assertArrayEquals(S4_BINDER_HASH, transcript.hashWith(truncated));
        assertEquals(0, transcript.messageCount());
        transcript.add(S4_CLIENT_HELLO);
        assertArrayEquals(S4_HASH_CH, transcript.hash());
    }

    @Test
    void messageHashIsType254WithTheClientHellosHash() {
        byte[] sha256 = Tls13Transcript.messageHash(HashAlgorithm.SHA256, S5_CLIENT_HELLO_1);
        assertArrayEquals(Rfc8448.concat(new byte[] {(byte) 254, 0, 0, 32}, sha(HashAlgorithm.SHA256, S5_CLIENT_HELLO_1)), sha256);
        byte[] sha384 = Tls13Transcript.messageHash(HashAlgorithm.SHA384, S5_CLIENT_HELLO_1);
        assertArrayEquals(Rfc8448.concat(new byte[] {(byte) 254, 0, 0, 48}, sha(HashAlgorithm.SHA384, S5_CLIENT_HELLO_1)), sha384);
    }

    @Test
    void replacingBeforeOrAfterTheHelloRetryRequestIsAddedGivesTheSameTranscript() {
        Tls13Transcript after = new Tls13Transcript(HashAlgorithm.SHA256);
        after.add(S5_CLIENT_HELLO_1);
        after.add(S5_HELLO_RETRY_REQUEST);
        after.replaceClientHelloWithMessageHash();
        Tls13Transcript before = new Tls13Transcript(HashAlgorithm.SHA256);
        before.add(S5_CLIENT_HELLO_1);
        before.replaceClientHelloWithMessageHash();
        before.add(S5_HELLO_RETRY_REQUEST);
        assertArrayEquals(after.hash(), before.hash());
        for (Tls13Transcript transcript : new Tls13Transcript[] {after, before}) {
            transcript.add(S5_CLIENT_HELLO_2);
            transcript.add(S5_SERVER_HELLO);
            assertArrayEquals(S5_HASH_CH_SH, transcript.hash());
        }
    }

    @Test
    void theReplacementHappensOnceAndOnlyOverAClientHello() {
        Tls13Transcript notSelected = new Tls13Transcript();
        notSelected.add(S5_CLIENT_HELLO_1);
        assertThrows(IllegalStateException.class, notSelected::replaceClientHelloWithMessageHash);

        Tls13Transcript empty = new Tls13Transcript(HashAlgorithm.SHA256);
        assertThrows(IllegalStateException.class, empty::replaceClientHelloWithMessageHash);

        Tls13Transcript serverHelloFirst = new Tls13Transcript(HashAlgorithm.SHA256);
        serverHelloFirst.add(S5_HELLO_RETRY_REQUEST);
        assertThrows(IllegalStateException.class, serverHelloFirst::replaceClientHelloWithMessageHash);

        Tls13Transcript twice = new Tls13Transcript(HashAlgorithm.SHA256);
        twice.add(S5_CLIENT_HELLO_1);
        twice.replaceClientHelloWithMessageHash();
        byte[] once = twice.hash();
        assertThrows(IllegalStateException.class, twice::replaceClientHelloWithMessageHash);
        assertArrayEquals(once, twice.hash());
        assertFalse(Arrays.equals(sha(HashAlgorithm.SHA256, S5_CLIENT_HELLO_1), once));
    }
}
