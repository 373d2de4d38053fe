package org.layeredtls.cwmp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/** Asking the demo for an old version or a weak suite by name opts into security level 0, as @SECLEVEL=0 does in OpenSSL. */
class DemoSecurityLevelTest {

    private static int level(ProtocolVersion version, CipherSuite cipher) {
        return new DemoOptions(version, cipher, null, null).apply(TlsConfig.builder()).build().securityLevel().level();
    }

    @Test
    void theDefaultsRunAtTheDefaultLevel() {
        assertEquals(2, level(ProtocolVersion.TLS1_2, null));
        assertEquals(2, level(ProtocolVersion.TLS1_2, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA));
    }

    @Test
    void olderVersionsAndSuitesBelowTheDefaultLevelRunAtLevelZero() {
        assertEquals(0, level(ProtocolVersion.TLS1_0, null));
        assertEquals(0, level(ProtocolVersion.SSL3_0, null));
        assertEquals(0, level(ProtocolVersion.TLS1_2, CipherSuite.TLS_RSA_WITH_NULL_SHA));
        assertEquals(0, level(ProtocolVersion.TLS1_2, CipherSuite.TLS_RSA_WITH_RC4_128_SHA));
    }
}
