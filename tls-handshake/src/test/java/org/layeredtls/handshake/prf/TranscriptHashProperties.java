package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.MessageDigest;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.layeredtls.crypto.HashAlgorithm;

class TranscriptHashProperties {

    private static final List<HashAlgorithm> ALGORITHMS =
            List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA384);

    @Property(tries = 300)
    void anyChunkingGivesTheHashOfTheWholeTranscript(
            @ForAll @Size(max = 2000) byte[] messages, @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 300) Integer> cuts,
            @ForAll HashAlgorithm algorithm, @ForAll @IntRange(max = 2000) int trackAfter) throws Exception {
        if (algorithm == HashAlgorithm.SHA512) {
            algorithm = HashAlgorithm.SHA256;
        }
        TranscriptHash transcript = new TranscriptHash();
        int offset = 0;
        for (int cut : cuts) {
            int count = Math.min(cut, messages.length - offset);
            transcript.update(messages, offset, count);
            offset += count;
            if (offset >= trackAfter) {
                transcript.track(algorithm); // starting the hash part way gives the same answer
            }
        }
        transcript.update(messages, offset, messages.length - offset);
        assertArrayEquals(MessageDigest.getInstance(jdkName(algorithm)).digest(messages), transcript.digest(algorithm));
    }

    @Property(tries = 300)
    void aDigestTakenMidwayIsTheDigestOfThePrefix(
            @ForAll @Size(max = 1000) byte[] messages, @ForAll @IntRange(max = 1000) int midway) throws Exception {
        int cut = Math.min(midway, messages.length);
        TranscriptHash transcript = new TranscriptHash();
        ALGORITHMS.forEach(transcript::track);
        transcript.update(messages, 0, cut);
        for (HashAlgorithm algorithm : ALGORITHMS) {
            MessageDigest jdk = MessageDigest.getInstance(jdkName(algorithm));
            jdk.update(messages, 0, cut);
            assertArrayEquals(jdk.digest(), transcript.digest(algorithm));
        }
        transcript.update(messages, cut, messages.length - cut);
        for (HashAlgorithm algorithm : ALGORITHMS) {
            assertArrayEquals(MessageDigest.getInstance(jdkName(algorithm)).digest(messages), transcript.digest(algorithm));
        }
    }

    private static String jdkName(HashAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> "MD5";
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
        };
    }
}
