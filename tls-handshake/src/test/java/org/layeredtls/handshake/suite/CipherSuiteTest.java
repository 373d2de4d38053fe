package org.layeredtls.handshake.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.ProtocolVersion;

class CipherSuiteTest {

    // The suites Go, NSS, OpenSSL's DEFAULT list and Java clients offer or pick that this stack lacked.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TLS_DHE_RSA_WITH_AES_256_CBC_SHA,          0x0039, DHE-RSA-AES256-SHA,          SHA256, SSL3_0",
            "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256,       0x0067, DHE-RSA-AES128-SHA256,       SHA256, TLS1_2",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,       0x009F, DHE-RSA-AES256-GCM-SHA384,   SHA384, TLS1_2",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,      0xC009, ECDHE-ECDSA-AES128-SHA,      SHA256, TLS1_0",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,      0xC00A, ECDHE-ECDSA-AES256-SHA,      SHA256, TLS1_0",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,        0xC014, ECDHE-RSA-AES256-SHA,        SHA256, TLS1_0",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,   0xC023, ECDHE-ECDSA-AES128-SHA256,   SHA256, TLS1_2",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,     0xC027, ECDHE-RSA-AES128-SHA256,     SHA256, TLS1_2",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, 0xCCAA, DHE-RSA-CHACHA20-POLY1305,   SHA256, TLS1_2"})
    void commonPeerSuitesRoundTripBetweenCodeIanaNameAndOpenSslName(String ianaName, String code, String openSslName,
                                                                    HashAlgorithm prfHash, String minimum) {
        CipherSuite suite = CipherSuite.fromCode(Integer.decode(code)).orElseThrow();
        assertEquals(ianaName, suite.ianaName());
        assertEquals(openSslName, suite.openSslName());
        assertEquals(Optional.of(suite), CipherSuite.fromName(ianaName));
        assertEquals(Optional.of(suite), CipherSuite.fromName(openSslName));
        assertEquals(prfHash, suite.prfHash()); // RFC 5288 §3, RFC 5289 §3: SHA-384 for *_SHA384, else SHA-256
        assertEquals(switch (minimum) {
            case "SSL3_0" -> ProtocolVersion.SSL3_0;
            case "TLS1_0" -> ProtocolVersion.TLS1_0;
            default -> ProtocolVersion.TLS1_2;
        }, suite.minimumVersion());
    }

    @Test
    void tls13SuitesAreTls13OnlyAndNameTheirHkdfHash() {
        // RFC 8446 §B.4: OpenSSL names them with their IANA names
        assertEquals(Optional.of(CipherSuite.TLS_AES_128_GCM_SHA256), CipherSuite.fromCode(0x1301));
        assertEquals(Optional.of(CipherSuite.TLS_AES_256_GCM_SHA384), CipherSuite.fromName("TLS_AES_256_GCM_SHA384"));
        assertEquals(HashAlgorithm.SHA384, CipherSuite.TLS_AES_256_GCM_SHA384.prfHash());
        assertEquals(ProtocolVersion.TLS1_3, CipherSuite.TLS_CHACHA20_POLY1305_SHA256.minimumVersion());
        assertTrue(CipherSuite.TLS_AES_128_GCM_SHA256.isTls13());
        assertFalse(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.isTls13());
    }

    @Test
    void findsSuitesByCodeIanaNameAndOpenSslName() {
        assertEquals(Optional.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), CipherSuite.fromCode(0xC02F));
        assertEquals(Optional.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA), CipherSuite.fromName("AES128-SHA"));
        assertEquals(Optional.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA), CipherSuite.fromName("TLS_RSA_WITH_AES_128_CBC_SHA"));
        assertEquals(Optional.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
                CipherSuite.fromName("ECDHE-RSA-AES128-GCM-SHA256"));
        assertEquals(Optional.of(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA), CipherSuite.fromName("DES-CBC3-SHA"));
        assertEquals(Optional.of(CipherSuite.TLS_AES_128_CCM_8_SHA256), CipherSuite.fromCode(0x1305));
        assertEquals(Optional.empty(), CipherSuite.fromCode(0x1306));
        assertEquals(Optional.empty(), CipherSuite.fromName("NO-SUCH-SUITE"));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void everySuiteIsFoundAgainByEachOfItsKeys(CipherSuite suite) {
        assertEquals(Optional.of(suite), CipherSuite.fromCode(suite.code()));
        assertEquals(Optional.of(suite), CipherSuite.fromName(suite.ianaName()));
        assertEquals(Optional.of(suite), CipherSuite.fromName(suite.openSslName()));
        assertTrue(suite.ianaName().startsWith("TLS_"));
    }

    @Test
    void codesAndNamesAreUnique() {
        assertEquals(CipherSuite.values().length, Arrays.stream(CipherSuite.values()).map(CipherSuite::code).distinct().count());
        var names = new HashSet<String>();
        for (CipherSuite suite : CipherSuite.values()) {
            assertTrue(names.add(suite.openSslName()) || suite.isSignalling(), suite.openSslName());
        }
    }

    @Test
    void suitesMapToTheirRecordProtection() {
        assertEquals(CipherSpec.of(BulkCipherAlgorithm.AES_128_CBC, MacAlgorithm.HMAC_SHA1),
                CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.cipherSpec());
        assertEquals(CipherSpec.of(BulkCipherAlgorithm.AES_256_GCM, MacAlgorithm.NULL),
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384.cipherSpec());
        assertEquals(CipherSpec.of(BulkCipherAlgorithm.CHACHA20_POLY1305, MacAlgorithm.NULL),
                CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256.cipherSpec());
        assertEquals(CipherSpec.of(BulkCipherAlgorithm.NULL, MacAlgorithm.HMAC_SHA1), CipherSuite.TLS_RSA_WITH_NULL_SHA.cipherSpec());
        assertEquals(CipherSpec.of(BulkCipherAlgorithm.RC4_128, MacAlgorithm.HMAC_MD5), CipherSuite.TLS_RSA_WITH_RC4_128_MD5.cipherSpec());
        assertThrows(IllegalStateException.class, CipherSuite.TLS_FALLBACK_SCSV::cipherSpec);
    }

    @Test
    void sha384SuitesUseSha384ForThePrf() {
        assertEquals(HashAlgorithm.SHA384, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384.prfHash());
        assertEquals(HashAlgorithm.SHA384, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384.prfHash());
        assertEquals(HashAlgorithm.SHA256, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.prfHash());
        assertEquals(HashAlgorithm.SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256.prfHash());
    }

    @Test
    void aeadAndSha2MacSuitesNeedTls12() {
        assertEquals(ProtocolVersion.TLS1_2, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256.minimumVersion());
        assertEquals(ProtocolVersion.TLS1_2, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256.minimumVersion());
        assertEquals(ProtocolVersion.TLS1_2, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256.minimumVersion());
        assertEquals(ProtocolVersion.TLS1_0, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA.minimumVersion());
        assertEquals(ProtocolVersion.SSL3_0, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.minimumVersion());
        assertEquals(ProtocolVersion.SSL3_0, CipherSuite.TLS_RSA_WITH_RC4_128_SHA.minimumVersion());
    }

    @Test
    void nullRc4And3desAreWeak() {
        assertTrue(CipherSuite.TLS_RSA_WITH_NULL_SHA.isWeak());
        assertTrue(CipherSuite.TLS_RSA_WITH_RC4_128_MD5.isWeak());
        assertTrue(CipherSuite.TLS_RSA_WITH_RC4_128_SHA.isWeak());
        assertTrue(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA.isWeak());
        assertFalse(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.isWeak());
        assertFalse(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.isWeak());
    }

    @Test
    void keyExchangesAreNamedByTheSuite() {
        assertEquals(KeyExchangeAlgorithm.RSA, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256.keyExchange());
        assertEquals(KeyExchangeAlgorithm.DHE_RSA, CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA.keyExchange());
        assertEquals(KeyExchangeAlgorithm.ECDHE_ECDSA, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384.keyExchange());
        assertEquals(KeyExchangeAlgorithm.NULL, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.keyExchange());
        assertTrue(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.isSignalling());
        assertEquals(0x5600, CipherSuite.TLS_FALLBACK_SCSV.code());
        assertTrue(KeyExchangeAlgorithm.ECDHE_RSA.isRsaAuthenticated());
        assertFalse(KeyExchangeAlgorithm.ECDHE_ECDSA.isRsaAuthenticated());
        assertFalse(KeyExchangeAlgorithm.RSA.isEphemeral());
    }

    @Test
    void theCbcSha384SuitesUseHmacSha384TheSha384PrfAndTls12() {
        for (CipherSuite suite : new CipherSuite[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384}) {
            assertEquals(CipherSpec.of(BulkCipherAlgorithm.AES_256_CBC, MacAlgorithm.HMAC_SHA384), suite.cipherSpec());
            assertEquals(48, suite.cipherSpec().mac().macLength());
            assertEquals(HashAlgorithm.SHA384, suite.prfHash());
            assertEquals(ProtocolVersion.TLS1_2, suite.minimumVersion());
        }
        assertEquals(Optional.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384), CipherSuite.fromCode(0xC024));
        assertEquals(Optional.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384), CipherSuite.fromName("ECDHE-RSA-AES256-SHA384"));
        assertEquals(Optional.of(CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256), CipherSuite.fromName("DHE-RSA-AES256-SHA256"));
        assertEquals(0x006B, CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256.code());
        assertEquals(ProtocolVersion.TLS1_2, CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256.minimumVersion());
    }
}
