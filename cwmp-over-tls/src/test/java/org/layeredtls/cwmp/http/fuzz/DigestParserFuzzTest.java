package org.layeredtls.cwmp.http.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.cwmp.http.AuthParams;
import org.layeredtls.cwmp.http.DigestVerifier;
import org.layeredtls.cwmp.http.HttpDigest;

/**
 * Fuzzes HTTP Digest authentication (RFC 7616) on both sides of a Connection Request: the CPE
 * verifying an {@code Authorization} header, and the ACS answering a {@code WWW-Authenticate}
 * challenge. Neither parser declares an exception: a header that does not parse is "not
 * authenticated" ({@code false}) or "no challenge" (empty), so the rule is that nothing escapes.
 *
 * <p>Input: {@code side || header value (ISO-8859-1, as HTTP/1.1 header bytes are)}; {@code side}
 * bit 0 picks the ACS's side. The verifier's random source is fixed, so its one nonce is known and
 * the seeds hold Authorization headers that verify.
 */
class DigestParserFuzzTest {

    static final String REALM = "LayeredTLS CPE";
    static final String USERNAME = "acs";
    static final String PASSWORD = "connection-request-secret";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @FuzzTest
    void digestParsersRaiseNothing(byte[] input) {
        if (input.length < 1) {
            return;
        }
        String header = new String(input, 1, input.length - 1, StandardCharsets.ISO_8859_1);
        if ((input[0] & 1) == 0) {
            DigestVerifier verifier = verifier();
            verifier.challenge();
            verifier.verify(header, "GET", "/", USERNAME, PASSWORD);
        } else {
            AuthParams.parse(header).filter(challenge -> challenge.isScheme("Digest")).ifPresent(challenge ->
                    HttpDigest.authorization(challenge, "GET", "/", USERNAME, PASSWORD, "0a4f113b", 1));
        }
    }

    /** A verifier whose random source is fixed: its first challenge's nonce is the same every time. */
    static DigestVerifier verifier() {
        return new DigestVerifier(REALM, DeterministicRandomSource.fromLabel("digest fuzz"), CLOCK);
    }
}
