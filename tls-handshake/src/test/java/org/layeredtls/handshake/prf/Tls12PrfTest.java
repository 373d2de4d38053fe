package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.crypto.HashAlgorithm;

class Tls12PrfTest {

    private static final HexFormat HEX = HexFormat.of();

    // The TLS 1.2 PRF (SHA-256) test vector published on the IETF TLS list (2009) and used by many
    // stacks; the full 100 bytes were checked against `openssl kdf -keylen 100 -kdfopt digest:SHA256
    // -kdfopt hexsecret:9bbe436ba940f017b17652849a71db35 -kdfopt seed:"test label"
    // -kdfopt hexseed:a0ba9f936cda311827a6f796ffd5198c TLS1-PRF` (OpenSSL 3.0.19).
    private static final byte[] SECRET = HEX.parseHex("9bbe436ba940f017b17652849a71db35");
    private static final byte[] SEED = HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c");
    private static final byte[] OUTPUT = HEX.parseHex(
            "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
            + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
            + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
            + "87347b66");

    @Test
    void matchesThePublishedSha256Vector() {
        assertArrayEquals(OUTPUT, new Tls12Prf(HashAlgorithm.SHA256).derive(SECRET, "test label", SEED, 100));
    }

    @Test
    void publishedVectorIsWhatOpenSslComputesToo() {
        assertArrayEquals(OUTPUT, OpenSsl.tls1Prf("SHA256", SECRET, "test label", SEED, 100));
    }

    @ParameterizedTest(name = "{0}: secret {1} bytes, output {2} bytes")
    @CsvSource({
        "SHA256, 48, 12",
        "SHA256, 1, 32",
        "SHA256, 65, 33",
        "SHA256, 48, 136",
        "SHA384, 48, 12",
        "SHA384, 129, 48",
        "SHA384, 47, 97",
    })
    void agreesWithOpenSslKdf(HashAlgorithm hash, int secretLength, int outputLength) {
        byte[] secret = pattern(secretLength, 0x11);
        byte[] seed = pattern(64, 0x80);
        byte[] expected = OpenSsl.tls1Prf(hash.name(), secret, "key expansion", seed, outputLength);
        assertEquals(outputLength, expected.length);
        assertArrayEquals(expected, new Tls12Prf(hash).derive(secret, "key expansion", seed, outputLength));
    }

    @Test
    void acceptsOnlySha256AndSha384() {
        assertThrows(IllegalArgumentException.class, () -> new Tls12Prf(HashAlgorithm.SHA1));
        assertThrows(IllegalArgumentException.class, () -> new Tls12Prf(HashAlgorithm.MD5));
        assertThrows(IllegalArgumentException.class, () -> new Tls12Prf(HashAlgorithm.SHA512));
    }

    @Test
    void rejectsANonAsciiLabelAndANegativeLength() {
        Tls12Prf prf = new Tls12Prf(HashAlgorithm.SHA256);
        assertThrows(IllegalArgumentException.class, () -> prf.derive(SECRET, "m\u00e4ster secret", SEED, 12));
        assertThrows(IllegalArgumentException.class, () -> prf.derive(SECRET, "master secret", SEED, -1));
    }

    @Test
    void givesNothingForLengthZero() {
        assertEquals(0, new Tls12Prf(HashAlgorithm.SHA384).derive(SECRET, "x", SEED, 0).length);
    }

    /** Bytes start, start+1, ... (mod 256): distinct from position to position, so a misplaced byte shows. */
    static byte[] pattern(int length, int start) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (start + 7 * i);
        }
        return out;
    }
}
