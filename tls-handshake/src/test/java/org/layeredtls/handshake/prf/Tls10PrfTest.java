package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.layeredtls.handshake.prf.Tls12PrfTest.pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Tls10PrfTest {

    // OpenSSL names the TLS 1.0/1.1 PRF (P_MD5 XOR P_SHA1 over the two halves) digest MD5-SHA1.
    @ParameterizedTest(name = "secret {0} bytes, output {1} bytes")
    @CsvSource({
        "48, 48",   // even: the halves meet in the middle
        "47, 12",   // odd: the halves share the middle byte
        "1, 20",    // one byte: both halves are that byte
        "2, 17",
        "49, 104",
        "65, 33",   // halves longer than the MD5 block: HMAC hashes them first
    })
    void agreesWithOpenSslMd5Sha1(int secretLength, int outputLength) {
        byte[] secret = pattern(secretLength, 0x3c);
        byte[] seed = pattern(64, 0x01);
        byte[] expected = OpenSsl.tls1Prf("MD5-SHA1", secret, "master secret", seed, outputLength);
        assertArrayEquals(expected, new Tls10Prf().derive(secret, "master secret", seed, outputLength));
    }

    @Test
    void oddSecretsAreSplitIntoHalvesSharingTheMiddleByte() {
        // RFC 2246 §5 with a 5-byte secret: S1 = s[0..2], S2 = s[2..4]. OpenSSL's TLS1-PRF with a single
        // digest is P_<digest>, so P_MD5(S1) XOR P_SHA1(S2) can be built from two independent runs.
        byte[] secret = {10, 20, 30, 40, 50};
        byte[] seed = pattern(13, 0);
        byte[] pMd5 = OpenSsl.tls1Prf("MD5", new byte[] {10, 20, 30}, "l", seed, 40);
        byte[] pSha1 = OpenSsl.tls1Prf("SHA1", new byte[] {30, 40, 50}, "l", seed, 40);
        byte[] expected = new byte[40];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (pMd5[i] ^ pSha1[i]);
        }
        assertArrayEquals(expected, new Tls10Prf().derive(secret, "l", seed, 40));
    }
}
