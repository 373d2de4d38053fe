package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.handshake.suite.CipherSuite;

/** JSSE names of the suites Go, NSS, OpenSSL and Java clients commonly offer: ours are SunJSSE's, and they round-trip. */
class CipherSuiteNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"})
    void jsseNameRoundTripsAndIsTheNameSunJsseGivesTheSuite(String jsseName) throws Exception {
        CipherSuite suite = CipherSuiteNames.suite(jsseName).orElseThrow();
        assertEquals(jsseName, CipherSuiteNames.of(suite));
        assertEquals(Optional.of(suite), CipherSuite.fromName(suite.openSslName()));
        assertEquals(Optional.of(suite), CipherSuite.fromCode(suite.code()));
        assertTrue(List.of(CipherSuiteNames.supported()).contains(jsseName), "our provider lists " + jsseName);
        SSLContext sunJsseContext = SSLContext.getInstance("TLSv1.2", "SunJSSE");
        sunJsseContext.init(null, null, null);
        String[] sunJsse = sunJsseContext.getSupportedSSLParameters().getCipherSuites();
        assertTrue(List.of(sunJsse).contains(jsseName), "SunJSSE names the suite " + jsseName);
    }
}
