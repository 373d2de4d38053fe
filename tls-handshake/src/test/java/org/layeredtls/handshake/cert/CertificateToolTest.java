package org.layeredtls.handshake.cert;

import org.layeredtls.handshake.testing.OpenSsl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Certificates made by our tool, checked by the real openssl CLI. */
class CertificateToolTest {

    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256"})
    void serverCertificateIsAcceptedByOpensslVerifyAndShowsSanAndEku(KeyAlgorithm algorithm) throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("LayeredTLS Test CA", algorithm, NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(30)), OpenSsl.RANDOM);
        ca.writePem(dir);
        IssuedCertificate server = ca.issueServer("acs.example.com", List.of("acs.example.com", "*.acs.example.com"),
                List.of("127.0.0.1", "::1"), algorithm, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(10)));
        server.writePem(dir, "server");

        OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "server.pem");
        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("server.pem: OK"), verify.output());

        String text = OpenSsl.ok(dir, "x509", "-in", "server.pem", "-noout", "-text");
        assertTrue(text.contains("DNS:acs.example.com, DNS:*.acs.example.com, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"), text);
        assertTrue(text.contains("TLS Web Server Authentication"), text);
        assertTrue(text.contains("CA:FALSE"), text);
        assertTrue(text.contains("Subject: CN = acs.example.com"), text);
        assertTrue(text.contains("Issuer: CN = LayeredTLS Test CA"), text);

        String caText = OpenSsl.ok(dir, "x509", "-in", "ca.pem", "-noout", "-text");
        assertTrue(caText.contains("CA:TRUE"), caText);
        assertTrue(caText.contains("Certificate Sign, CRL Sign"), caText);

        // openssl reads our PKCS#8 key and finds it valid, and its public key is the certificate's
        assertTrue(OpenSsl.ok(dir, "pkey", "-in", "server.key", "-check", "-noout").contains("valid"));
        assertEquals(OpenSsl.ok(dir, "x509", "-in", "server.pem", "-noout", "-pubkey"),
                OpenSsl.ok(dir, "pkey", "-in", "server.key", "-pubout"));
        assertEquals(Pem.encodePublicKey(server.certificate().publicKey()),
                OpenSsl.ok(dir, "pkey", "-in", "server.key", "-pubout"));

        // and our validator agrees
        new CertificateValidator(List.of(ca.certificate().certificate()))
                .validate(List.of(server.certificate()), Purpose.SERVER_AUTH);
    }

    @Test
    void clientCertificateCarriesTheDeviceIdentityAndClientAuth() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("ACS CA", KeyAlgorithm.EC_P256, NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(30)), OpenSsl.RANDOM);
        ca.writePem(dir);
        IssuedCertificate client = ca.issueClient("00259E-HG8245-48575443A1B2C3D4", KeyAlgorithm.EC_P256,
                NOW.minusSeconds(60), NOW.plus(Duration.ofDays(10)));
        client.writePem(dir, "cpe");
        OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "cpe.pem");
        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("cpe.pem: OK"), verify.output());
        String text = OpenSsl.ok(dir, "x509", "-in", "cpe.pem", "-noout", "-text");
        assertTrue(text.contains("TLS Web Client Authentication"), text);
        assertTrue(text.contains("Subject: CN = 00259E-HG8245-48575443A1B2C3D4"), text);
        // a client-only certificate is refused as a server certificate by openssl, as by us
        assertNotEquals(0, OpenSsl.run(dir, "verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "cpe.pem").exitCode());
    }

    @Test
    void intermediateChainIsAcceptedByOpensslWithUntrustedIntermediate() throws Exception {
        CertificateAuthority root = CertificateAuthority.create("Root", KeyAlgorithm.EC_P384, NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(30)), OpenSsl.RANDOM);
        CertificateAuthority intermediate = root.issueIntermediate("Intermediate", KeyAlgorithm.RSA_2048,
                NOW.minusSeconds(60), NOW.plus(Duration.ofDays(20)), OptionalInt.of(0));
        IssuedCertificate leaf = intermediate.issueServer("leaf.example.com", List.of("leaf.example.com"), List.of(),
                KeyAlgorithm.EC_P256, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(10)));
        root.writePem(dir);
        intermediate.certificate().writePem(dir, "intermediate");
        leaf.writePem(dir, "leaf");
        OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-CAfile", "ca.pem", "-untrusted", "intermediate.pem",
                "-purpose", "sslserver", "leaf.pem");
        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("leaf.pem: OK"));
        assertTrue(OpenSsl.ok(dir, "x509", "-in", "intermediate.pem", "-noout", "-text").contains("pathlen:0"));
        // without the intermediate openssl finds no path, like us
        assertNotEquals(0, OpenSsl.run(dir, "verify", "-CAfile", "ca.pem", "leaf.pem").exitCode());
    }

    @Test
    void expiredCertificateIsRefusedByOpensslToo() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("CA", KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(400)),
                NOW.plus(Duration.ofDays(30)), OpenSsl.RANDOM);
        ca.writePem(dir);
        ca.issueServer("old.example.com", List.of("old.example.com"), List.of(), KeyAlgorithm.EC_P256,
                NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(1))).writePem(dir, "old");
        OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-CAfile", "ca.pem", "old.pem");
        assertNotEquals(0, verify.exitCode());
        assertTrue(verify.output().contains("certificate has expired"), verify.output());
    }

    @Test
    void writtenPemFilesReadBackToTheSameCertificateAndKey() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("CA", KeyAlgorithm.EC_P256, NOW, NOW.plus(Duration.ofDays(1)),
                OpenSsl.RANDOM);
        IssuedCertificate.PemFiles files = ca.writePem(dir);
        assertEquals(List.of(ca.certificate().certificate()), Pem.readCertificates(files.certificate()));
        assertEquals(ca.certificate().keyPair().privateKey(), Pem.readPrivateKey(files.privateKey()));
        assertTrue(Files.readString(files.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        CertificateAuthority reloaded = CertificateAuthority.of(Pem.readCertificates(files.certificate()).get(0),
                Pem.readPrivateKey(files.privateKey()), OpenSsl.RANDOM);
        IssuedCertificate leaf = reloaded.issueClient("device-1", KeyAlgorithm.EC_P256, NOW, NOW.plus(Duration.ofDays(1)));
        new CertificateValidator(List.of(ca.certificate().certificate()))
                .validate(List.of(leaf.certificate()), Purpose.CLIENT_AUTH, NOW.plusSeconds(10));
    }
}
