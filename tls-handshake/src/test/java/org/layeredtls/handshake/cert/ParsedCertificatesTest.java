package org.layeredtls.handshake.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.testing.OpenSsl;

/**
 * {@link Certificate#parse} gives the certificate parsed lately from the same bytes again, whatever array carries
 * them, unchanged by what the caller does to its array afterwards; a malformed certificate is refused every time;
 * and {@link ParsedCertificates} keeps no more than {@value ParsedCertificates#CAPACITY} certificates.
 */
class ParsedCertificatesTest {

    private static CertificateAuthority ca;
    private static byte[] der;

    @BeforeAll
    static void certificates() {
        Instant now = Instant.now();
        ca = CertificateAuthority.create("Parsed CA", KeyAlgorithm.EC_P256, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)), OpenSsl.RANDOM);
        der = ca.certificate().certificate().encoded();
    }

    @Test
    void theSameBytesGiveTheSameCertificateUnchangedByTheCallersArray() throws CertificateParseException {
        byte[] mine = der.clone();
        Certificate first = Certificate.parse(mine);
        mine[mine.length - 1] ^= 1; // the caller reuses its array
        Certificate again = Certificate.parse(der.clone());
        assertSame(first, again);
        assertArrayEquals(der, again.encoded());
    }

    @Test
    void aMalformedCertificateIsRefusedEveryTime() {
        byte[] cut = java.util.Arrays.copyOf(der, der.length - 1);
        assertThrows(CertificateParseException.class, () -> Certificate.parse(cut));
        assertThrows(CertificateParseException.class, () -> Certificate.parse(cut));
    }

    @Test
    void noMoreThanTheCapacityIsKeptTheLeastRecentlyUsedGoingFirst() throws CertificateParseException {
        ParsedCertificates cache = new ParsedCertificates();
        Certificate first = Certificate.parse(der);
        cache.put(first);
        Instant now = Instant.now();
        for (int i = 0; i < ParsedCertificates.CAPACITY; i++) {
            cache.put(ca.issueServer("host" + i, List.of("host" + i + ".example"), List.of(), KeyAlgorithm.EC_P256,
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))).certificate());
        }
        assertEquals(ParsedCertificates.CAPACITY, cache.size());
        assertEquals(null, cache.get(der), "the least recently used should have gone");
    }
}
