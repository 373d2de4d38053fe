package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

/** The transcript hash is Hash(M1 || ... || Mn), whenever the hash was selected and however often it was read. */
class Tls13TranscriptProperties {

    @Provide
    Arbitrary<List<byte[]>> messages() {
        Arbitrary<byte[]> message = Arbitraries.integers().between(1, 255).flatMap(type ->
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600)
                        .map(body -> new ByteWriter().u8(type).vector24(body).toByteArray()));
        return message.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 200)
    void hashIsTheDigestOfTheConcatenatedMessages(@ForAll("messages") List<byte[]> messages,
                                                  @ForAll @IntRange(min = 0, max = 12) int selectAfter,
                                                  @ForAll boolean sha384) {
        HashAlgorithm algorithm = sha384 ? HashAlgorithm.SHA384 : HashAlgorithm.SHA256;
        Tls13Transcript transcript = new Tls13Transcript();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < messages.size(); i++) {
            if (i == selectAfter) {
                transcript.selectHash(algorithm);
            }
            transcript.add(messages.get(i));
            all.writeBytes(messages.get(i));
            if (i >= selectAfter) {
                assertArrayEquals(digest(algorithm, all.toByteArray()), transcript.hash());
            }
        }
        transcript.selectHash(algorithm);
        assertArrayEquals(digest(algorithm, all.toByteArray()), transcript.copy().hash());
    }

    private static byte[] digest(HashAlgorithm algorithm, byte[] input) {
        Hash hash = CryptoProvider.defaultProvider().hash(algorithm);
        hash.update(input);
        return hash.doFinal();
    }
}
