package org.layeredtls.cwmp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

import picocli.CommandLine;

/** The {@code --tls-version} and {@code --cipher} the acs and cpe commands share, TLS 1.3 included. */
class TlsOptionsTest {

    @TempDir
    Path dir;

    private TlsConfig configFor(String... options) throws Exception {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.create("Options CA", KeyAlgorithm.EC_P256, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)), new SecureRandomSource());
        ca.writePem(dir);
        ca.issueClient("00D09E-IGD-OPT1", KeyAlgorithm.EC_P256, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))
                .writePem(dir, "cpe");
        CpeCommand cpe = new CpeCommand();
        List<String> args = new java.util.ArrayList<>(List.of("--cert", dir.resolve("cpe.pem").toString(),
                "--key", dir.resolve("cpe.key").toString(), "--ca", dir.resolve("ca.pem").toString(), "--acs-url", "https://localhost:1/acs"));
        args.addAll(List.of(options));
        new CommandLine(cpe).parseArgs(args.toArray(String[]::new));
        return cpe.tls.builder().build();
    }

    @Test
    void tlsVersion13GivesATls13OnlyConfigurationWithTheChosenTls13Suite() throws Exception {
        TlsConfig config = configFor("--tls-version", "TLSv1.3", "--cipher", "TLS_AES_128_GCM_SHA256");
        assertEquals(ProtocolVersion.TLS1_3, config.minVersion());
        assertEquals(ProtocolVersion.TLS1_3, config.maxVersion());
        assertEquals(List.of(CipherSuite.TLS_AES_128_GCM_SHA256), config.tls13CipherSuites());
    }

    @Test
    void theDefaultIsTheLibrarysTls12ToTls13WithTheDefaultSuitesAndGroups() throws Exception {
        TlsConfig config = configFor();
        TlsConfig library = TlsConfig.builder().build();
        assertEquals(ProtocolVersion.TLS1_2, config.minVersion());
        assertEquals(ProtocolVersion.TLS1_3, config.maxVersion());
        assertEquals(library.cipherSuites(), config.cipherSuites());
        assertEquals(library.tls13CipherSuites(), config.tls13CipherSuites());
        assertEquals(library.namedGroups(), config.namedGroups());
    }

    @Test
    void tlsVersion12PinsTls12() throws Exception {
        TlsConfig config = configFor("--tls-version", "TLSv1.2");
        assertEquals(ProtocolVersion.TLS1_2, config.minVersion());
        assertEquals(ProtocolVersion.TLS1_2, config.maxVersion());
    }

    @Test
    void aCipherWithoutTlsVersionPinsTheVersionItBelongsTo() throws Exception {
        TlsConfig tls12 = configFor("--cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        assertEquals(ProtocolVersion.TLS1_2, tls12.maxVersion());
        assertEquals(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256), tls12.cipherSuites());
        TlsConfig tls13 = configFor("--cipher", "TLS_CHACHA20_POLY1305_SHA256");
        assertEquals(ProtocolVersion.TLS1_3, tls13.minVersion());
        assertEquals(List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256), tls13.tls13CipherSuites());
    }
}
