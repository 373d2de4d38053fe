package org.layeredtls.handshake.cert;

import org.layeredtls.handshake.testing.OpenSsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;

/** RFC 6125 host-name matching: SAN first, wildcards, IP literals, CN only without SAN. */
class HostnameVerifierTest {

    private static final Instant NOW = Instant.now();
    private static CertificateAuthority ca;

    @BeforeAll
    static void ca() {
        ca = CertificateAuthority.create("CA", KeyAlgorithm.EC_P256, NOW, NOW.plus(Duration.ofDays(1)), OpenSsl.RANDOM);
    }

    private static Certificate cert(String cn, List<String> dns, List<String> ips) {
        CertificateSpec spec = CertificateSpec.builder(cn).validity(NOW, NOW.plus(Duration.ofDays(1)))
                .dnsName(dns.toArray(String[]::new)).ipAddress(ips.toArray(String[]::new)).build();
        return ca.issue(spec, KeyAlgorithm.EC_P256).certificate();
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "www.example.com, www.example.com, true",
        "WWW.Example.COM, www.example.com, true",
        "www.example.com, WWW.EXAMPLE.COM., true",
        "www.example.com, example.com, false",
        "www.example.com, www.example.com.evil, false",
        "*.example.com, www.example.com, true",
        "*.example.com, WWW.example.com, true",
        "*.example.com, example.com, false",
        "*.example.com, a.b.example.com, false",
        "*.example.com, .example.com, false",
        "*.example.com, wwwexample.com, false",
        "*.com, example.com, false",
        "*, example, false",
        "f*o.example.com, foo.example.com, false",
        "*foo.example.com, xfoo.example.com, false",
        "foo*.example.com, foox.example.com, false",
        "www.*.com, www.example.com, false",
        "*.*.example.com, a.b.example.com, false",
        "'', example.com, false",
    })
    void matchesOnePresentedNameByRfc6125Rules(String pattern, String host, boolean expected) {
        assertEquals(expected, HostnameVerifier.matchesName(pattern, host));
    }

    @Test
    void matchesSanDnsNamesAndIgnoresTheCnWhenASanIsPresent() throws Exception {
        Certificate c = cert("cn.example.com", List.of("san.example.com", "*.wild.example.com"), List.of());
        HostnameVerifier.verify(c, "san.example.com");
        HostnameVerifier.verify(c, "x.wild.example.com");
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> HostnameVerifier.verify(c, "cn.example.com"));
        assertEquals(AlertDescription.BAD_CERTIFICATE, e.description());
        assertFalse(HostnameVerifier.matches(c, "other.example.com"));
    }

    @Test
    void fallsBackToTheCommonNameOnlyWithoutAnySanExtension() throws Exception {
        Certificate noSan = cert("acs.example.com", List.of(), List.of());
        assertTrue(noSan.subjectAltName().isEmpty());
        HostnameVerifier.verify(noSan, "acs.example.com");
        assertFalse(HostnameVerifier.matches(noSan, "cpe.example.com"));
        // a SAN with only an IP entry still switches the CN fallback off
        Certificate ipOnly = cert("acs.example.com", List.of(), List.of("192.0.2.7"));
        assertFalse(HostnameVerifier.matches(ipOnly, "acs.example.com"));
    }

    @Test
    void ipLiteralsMatchOnlyIpSans() throws Exception {
        Certificate c = cert("127.0.0.1", List.of("127.0.0.1", "localhost"), List.of("192.0.2.7", "2001:db8::1"));
        HostnameVerifier.verify(c, "192.0.2.7");
        HostnameVerifier.verify(c, "2001:db8:0:0:0:0:0:1");
        HostnameVerifier.verify(c, "[2001:db8::1]");
        HostnameVerifier.verify(c, "localhost");
        // "127.0.0.1" is only a dNSName and the CN here: an IP literal is never compared with them
        assertFalse(HostnameVerifier.matches(c, "127.0.0.1"));
        assertFalse(HostnameVerifier.matches(c, "192.0.2.8"));
        Certificate cnOnly = cert("10.0.0.1", List.of(), List.of());
        assertFalse(HostnameVerifier.matches(cnOnly, "10.0.0.1"));
    }

    @Test
    void recognisesIpLiteralsWithoutLookingNamesUp() {
        assertTrue(HostnameVerifier.ipLiteral("10.1.2.3").isPresent());
        assertTrue(HostnameVerifier.ipLiteral("::1").isPresent());
        assertFalse(HostnameVerifier.ipLiteral("10.1.2").isPresent());
        assertFalse(HostnameVerifier.ipLiteral("10.1.2.256").isPresent());
        assertFalse(HostnameVerifier.ipLiteral("1.2.3.4.example.com").isPresent());
        assertFalse(HostnameVerifier.ipLiteral("example.com").isPresent());
    }

    @Test
    void emptyOrNullHostNeverMatches() {
        Certificate c = cert("example.com", List.of(), List.of());
        assertFalse(HostnameVerifier.matches(c, ""));
        assertFalse(HostnameVerifier.matches(c, null));
    }
}
