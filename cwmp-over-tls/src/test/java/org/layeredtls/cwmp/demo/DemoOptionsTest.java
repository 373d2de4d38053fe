package org.layeredtls.cwmp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/** The demo's version and suite options, TLS 1.3 next to the others. */
class DemoOptionsTest {

    private static DemoOptions options(ProtocolVersion version, CipherSuite cipher) {
        return new DemoOptions(version, cipher, null, CaptureTrace.Detail.NORMAL);
    }

    @Test
    void tls13ParsesByItsUsualNames() {
        for (String name : List.of("TLSv1.3", "tls1.3", "1.3", "TLS1_3")) {
            assertEquals(ProtocolVersion.TLS1_3, DemoOptions.parseVersion(name), name);
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DemoOptions.parseVersion("TLSv1.4"));
        assertTrue(unknown.getMessage().contains("TLSv1.3"), unknown.getMessage());
    }

    @Test
    void tls13AloneIsConfiguredWithItsOwnSuiteList() {
        TlsConfig config = options(ProtocolVersion.TLS1_3, CipherSuite.TLS_CHACHA20_POLY1305_SHA256).apply(TlsConfig.builder()).build();
        assertEquals(ProtocolVersion.TLS1_3, config.minVersion());
        assertEquals(ProtocolVersion.TLS1_3, config.maxVersion());
        assertEquals(List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256), config.tls13CipherSuites());
        TlsConfig defaults = options(ProtocolVersion.TLS1_3, null).apply(TlsConfig.builder()).build();
        assertEquals(TlsConfig.builder().build().tls13CipherSuites(), defaults.tls13CipherSuites());
    }

    @Test
    void aTls13SuiteGoesWithTls13OnlyAndATls12SuiteNotWithTls13() {
        IllegalArgumentException tls12Suite = assertThrows(IllegalArgumentException.class,
                () -> options(ProtocolVersion.TLS1_3, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA));
        assertTrue(tls12Suite.getMessage().contains("not a TLS 1.3 suite"), tls12Suite.getMessage());
        IllegalArgumentException tls13Suite = assertThrows(IllegalArgumentException.class,
                () -> options(ProtocolVersion.TLS1_2, CipherSuite.TLS_AES_128_GCM_SHA256));
        assertTrue(tls13Suite.getMessage().contains("--tls-version TLSv1.3"), tls13Suite.getMessage());
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, DemoOptions.parseCipher("TLS_AES_128_GCM_SHA256"));
    }
}
