package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.crypto.HashAlgorithm;

/** PRF known answers recorded once with {@code openssl kdf} (see make-prf-vectors.sh next to the file). */
class RecordedPrfVectorsTest {

    private static final String RESOURCE = "prf-vectors.txt";

    record Vector(String digest, byte[] secret, String label, byte[] seed, int length, byte[] output) {
        Prf prf() {
            return switch (digest) {
                case "MD5-SHA1" -> new Tls10Prf();
                case "SHA256" -> new Tls12Prf(HashAlgorithm.SHA256);
                case "SHA384" -> new Tls12Prf(HashAlgorithm.SHA384);
                default -> throw new IllegalArgumentException(digest);
            };
        }

        @Override
        public String toString() {
            return digest + " \"" + label + "\" secret " + secret.length + " bytes -> " + length + " bytes";
        }
    }

    static Stream<Vector> vectors() throws IOException {
        List<Vector> vectors;
        try (InputStream in = RecordedPrfVectorsTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is on the test classpath");
            HexFormat hex = HexFormat.of();
            vectors = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\|", -1))
                    .map(f -> new Vector(f[0], hex.parseHex(f[1]), f[2], hex.parseHex(f[3]),
                            Integer.parseInt(f[4]), hex.parseHex(f[5])))
                    .toList();
        }
        assertEquals(27, vectors.size(), "vectors in " + RESOURCE);
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void prfGivesTheOutputOpenSslRecorded(Vector vector) {
        assertEquals(vector.length(), vector.output().length);
        assertArrayEquals(vector.output(), vector.prf().derive(vector.secret(), vector.label(), vector.seed(), vector.length()));
    }
}
