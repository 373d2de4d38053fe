package org.layeredtls.handshake.seclevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.keyexchange.DhGroup;
import org.layeredtls.handshake.policy.SecurityLevel;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/** The security level's table, as SSL_CTX_set_security_level(3) of OpenSSL 3.0 gives it. */
class SecurityLevelTest {

    private static SecurityLevel level(int n) {
        return SecurityLevel.of(n);
    }

    @ParameterizedTest(name = "level {0}: {1} bits, RSA {2}, DH {3}")
    @CsvSource({"0, 0, 0, 1024", "1, 80, 1024, 1024", "2, 112, 2048, 2048", "3, 128, 3072, 3072", "4, 192, 7680, 7680",
            "5, 256, 15360, 15360"})
    void eachLevelAsksForOpenSslsMinimumStrengthAndKeySizes(int n, int bits, int rsa, int dh) {
        assertEquals(bits, level(n).minimumBits());
        assertEquals(rsa, level(n).minimumRsaBits());
        assertEquals(dh, level(n).minimumDhBits());
        assertTrue(level(n).permitsDhPrime(dh));
        assertFalse(level(n).permitsDhPrime(dh - 1));
    }

    @Test
    void theDefaultIsLevelTwoAsDebianBuildsOpenSsl() {
        assertEquals(2, SecurityLevel.DEFAULT.level());
        assertEquals(SecurityLevel.DEFAULT, TlsConfig.builder().build().securityLevel());
    }

    @Test
    void levelsOutsideZeroToFiveDoNotExist() {
        assertThrows(IllegalArgumentException.class, () -> SecurityLevel.of(-1));
        assertThrows(IllegalArgumentException.class, () -> SecurityLevel.of(6));
    }

    @Test
    void sha1AndMd5SignaturesAreBelowLevelOneInTheHandshakeAndInCertificates() {
        for (SignatureScheme weak : List.of(SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1,
                SignatureScheme.RSA_PKCS1_MD5_SHA1)) {
            assertTrue(level(0).permitsSignature(weak), weak::toString);
            assertFalse(level(1).permitsSignature(weak), weak::toString);
        }
        assertTrue(level(0).permitsCertificateSignature(HashAlgorithm.SHA1));
        assertFalse(level(1).permitsCertificateSignature(HashAlgorithm.SHA1));
        assertFalse(level(1).permitsCertificateSignature(HashAlgorithm.MD5));
        assertTrue(level(3).permitsSignature(SignatureScheme.RSA_PSS_RSAE_SHA256));
        assertFalse(level(4).permitsSignature(SignatureScheme.ECDSA_SHA256)); // 128 < 192
        assertTrue(level(4).permitsSignature(SignatureScheme.ECDSA_SHA384));
        assertFalse(level(1).permitsLegacySignatures());
        assertTrue(level(0).permitsLegacySignatures());
    }

    @Test
    void versionsGoAsOpenSslRulesThem() {
        assertTrue(level(1).permitsVersion(ProtocolVersion.SSL3_0));
        assertFalse(level(2).permitsVersion(ProtocolVersion.SSL3_0));
        assertTrue(level(2).permitsVersion(ProtocolVersion.TLS1_0));
        assertFalse(level(3).permitsVersion(ProtocolVersion.TLS1_0));
        assertTrue(level(3).permitsVersion(ProtocolVersion.TLS1_1));
        assertFalse(level(4).permitsVersion(ProtocolVersion.TLS1_1));
        assertTrue(level(5).permitsVersion(ProtocolVersion.TLS1_2));
    }

    @Test
    void suitesGoAsOpenSslRulesThem() {
        for (CipherSuite suite : CipherSuite.values()) {
            assertTrue(level(0).permitsSuite(suite), suite::toString);
        }
        // level 1: no NULL (0 bits), no MD5 MAC
        assertFalse(level(1).permitsSuite(CipherSuite.TLS_RSA_WITH_NULL_SHA));
        assertFalse(level(1).permitsSuite(CipherSuite.TLS_RSA_WITH_RC4_128_MD5));
        assertTrue(level(1).permitsSuite(CipherSuite.TLS_RSA_WITH_RC4_128_SHA));
        // level 2: no RC4; 3DES (112 bits) still
        assertFalse(level(2).permitsSuite(CipherSuite.TLS_RSA_WITH_RC4_128_SHA));
        assertTrue(level(2).permitsSuite(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA));
        assertTrue(level(2).permitsSuite(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA));
        // level 3: 128 bits and forward secrecy
        assertFalse(level(3).permitsSuite(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA));
        assertFalse(level(3).permitsSuite(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256));
        assertTrue(level(3).permitsSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA));
        assertTrue(level(3).permitsSuite(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256));
        // level 4: 192 bits and no SHA-1 MAC
        assertFalse(level(4).permitsSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
        assertTrue(level(4).permitsSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384));
        assertTrue(level(4).permitsSuite(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256));
        assertFalse(level(4).permitsSuite(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA));
    }

    @Test
    void groupsBelowTheLevelAreNotOffered() {
        // the hybrid counts as its ML-KEM-768 half, 192 bits (NIST category 3), as OpenSSL 3.5
        assertEquals(List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1),
                level(3).permittedGroups(TlsConfig.DEFAULT_GROUPS));
        assertEquals(List.of(NamedGroup.X25519MLKEM768, NamedGroup.SECP384R1), level(4).permittedGroups(TlsConfig.DEFAULT_GROUPS));
        assertEquals(List.of(), level(5).permittedGroups(TlsConfig.DEFAULT_GROUPS));
    }

    @Test
    void theServersDhGroupIsTheSmallestTheLevelAllows() {
        assertEquals(DhGroup.FFDHE2048, DhGroup.forSecurityLevel(level(0)));
        assertEquals(DhGroup.FFDHE2048, DhGroup.forSecurityLevel(level(2)));
        assertEquals(DhGroup.FFDHE3072, DhGroup.forSecurityLevel(level(3)));
    }

    @Test
    void theConfigurationAnswersWithWhatTheLevelLeaves() {
        TlsConfig config = TlsConfig.builder().versions(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_2)
                .cipherSuites(CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)
                .signatureSchemes(SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.RSA_PKCS1_SHA256)
                .compression(CompressionMethod.DEFLATE).minDhBits(1024).build();
        assertEquals(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), config.cipherSuites());
        assertEquals(List.of(SignatureScheme.RSA_PKCS1_SHA256), config.signatureSchemes());
        assertEquals(List.of(CompressionMethod.NULL), config.compression());
        assertEquals(ProtocolVersion.TLS1_0, config.minVersion());
        assertFalse(config.allows(ProtocolVersion.SSL3_0));
        assertEquals(2048, config.minDhBits()); // minDhBits may only raise the level's floor
        TlsConfig zero = config.toBuilder().securityLevel(0).build();
        assertEquals(2, zero.cipherSuites().size());
        assertEquals(2, zero.signatureSchemes().size());
        assertEquals(CompressionMethod.DEFLATE, zero.compression().get(0));
        assertEquals(ProtocolVersion.SSL3_0, zero.minVersion());
        assertEquals(1024, zero.minDhBits());
        assertFalse(config.toBuilder().securityLevel(3).sessionTickets(true).build().sessionTickets());
    }

    @Test
    void aConfigurationTheLevelLeavesNothingOfIsRefusedWhenBuilt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder()
                .versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0).build()).getMessage().contains("no protocol version"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder()
                .cipherSuites(CipherSuite.TLS_RSA_WITH_NULL_SHA).build()).getMessage().contains("no cipher suite"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder()
                .signatureSchemes(SignatureScheme.ECDSA_SHA1).build()).getMessage().contains("no signature scheme"));
        TlsConfig.builder().versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0)
                .cipherSuites(CipherSuite.TLS_RSA_WITH_NULL_SHA).signatureSchemes(SignatureScheme.ECDSA_SHA1)
                .securityLevel(0).build();
    }

    @Test
    void ourOwnCertificateIsJudgedWhenTheConfigurationIsBuiltAsOpenSslDoesWhenItLoadsIt() {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.create("Level CA", KeyAlgorithm.EC_P256, now.minusSeconds(60),
                now.plusSeconds(3600), DeterministicRandomSource.fromLabel("security level test"));
        IssuedCertificate rsa2048 = ca.issueServer("localhost", List.of("localhost"), List.of(), KeyAlgorithm.RSA_2048,
                now.minusSeconds(60), now.plusSeconds(3600));
        TlsConfig.Builder server = TlsConfig.builder().certificate(List.of(rsa2048.certificate()), rsa2048.keyPair().privateKey());
        server.securityLevel(2).build();
        IllegalArgumentException tooWeak = assertThrows(IllegalArgumentException.class,
                () -> server.securityLevel(3).build()); // RSA 2048 is 112 bits
        assertTrue(tooWeak.getMessage().contains("EE certificate key too weak"), tooWeak.getMessage());
    }
}
