package org.layeredtls.bench.idle;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.cert.CertificateAuthority;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;
import org.layeredtls.handshake.cert.KeyEncoding;

/**
 * One PKI for every stack the benchmark measures: a CA made with the project's certificate tool
 * and one RSA-2048 server certificate for {@code localhost} / {@code 127.0.0.1}. LayeredTLS uses
 * them as they are; SunJSSE gets the very same certificate and key through a PKCS#12 {@link KeyStore}.
 */
public final class BenchmarkPki {

    public static final char[] PASSWORD = "benchmark".toCharArray();

    final CertificateAuthority ca;
    final IssuedCertificate server;

    public BenchmarkPki() {
        Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        Instant notAfter = Instant.now().plus(Duration.ofDays(1));
        SecureRandomSource random = new SecureRandomSource();
        ca = CertificateAuthority.create("LayeredTLS Benchmark CA", KeyAlgorithm.RSA_2048, notBefore, notAfter, random);
        server = ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"), KeyAlgorithm.RSA_2048,
                notBefore, notAfter);
    }

    /** The server's certificate and private key, for a JDK {@code KeyManagerFactory}. */
    public KeyStore serverKeyStore() throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        var key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(KeyEncoding.encodePkcs8(server.keyPair().privateKey())));
        store.setKeyEntry("server", key, PASSWORD, new X509Certificate[] {x509(server), x509(ca.certificate())});
        return store;
    }

    /** The CA as the one trust anchor, for a JDK {@code TrustManagerFactory}. */
    public KeyStore trustStore() throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", x509(ca.certificate()));
        return store;
    }

    private static X509Certificate x509(IssuedCertificate issued) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(issued.certificate().encoded()));
    }
}
