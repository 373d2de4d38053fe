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
 * and one RSA-2048 server certificate for {@code localhost} / {@code 127.0.0.1}, and the same again
 * all in ECDSA P-256 (an EC CA and an EC server certificate) for the ECDHE-ECDSA handshakes. LayeredTLS
 * uses them as they are; SunJSSE gets the very same certificates and keys through PKCS#12 {@link KeyStore}s,
 * bctls through their DER and PKCS#8 encodings.
 */
public final class BenchmarkPki {

    public static final char[] PASSWORD = "benchmark".toCharArray();

    public final CertificateAuthority ca;
    public final IssuedCertificate server;
    public final CertificateAuthority ecCa;
    public final IssuedCertificate ecServer;

    public BenchmarkPki() {
        Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        Instant notAfter = Instant.now().plus(Duration.ofDays(1));
        SecureRandomSource random = new SecureRandomSource();
        ca = CertificateAuthority.create("LayeredTLS Benchmark CA", KeyAlgorithm.RSA_2048, notBefore, notAfter, random);
        server = ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"), KeyAlgorithm.RSA_2048,
                notBefore, notAfter);
        ecCa = CertificateAuthority.create("LayeredTLS Benchmark EC CA", KeyAlgorithm.EC_P256, notBefore, notAfter, random);
        ecServer = ecCa.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"), KeyAlgorithm.EC_P256,
                notBefore, notAfter);
    }

    /** The server's RSA certificate and private key, for a JDK {@code KeyManagerFactory}. */
    public KeyStore serverKeyStore() throws GeneralSecurityException, java.io.IOException {
        return keyStore(server, ca);
    }

    /** The server's ECDSA certificate and private key, for a JDK {@code KeyManagerFactory}. */
    public KeyStore ecServerKeyStore() throws GeneralSecurityException, java.io.IOException {
        return keyStore(ecServer, ecCa);
    }

    private static KeyStore keyStore(IssuedCertificate leaf, CertificateAuthority issuer)
            throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", jdkPrivateKey(leaf), PASSWORD,
                new X509Certificate[] {x509(leaf), x509(issuer.certificate())});
        return store;
    }

    /** The private key of {@code issued} as a JDK key (RSA or EC, from its PKCS#8 encoding). */
    public static java.security.PrivateKey jdkPrivateKey(IssuedCertificate issued) throws GeneralSecurityException {
        String type = issued.certificate().publicKey() instanceof org.layeredtls.crypto.RsaPublicKey ? "RSA" : "EC";
        return KeyFactory.getInstance(type)
                .generatePrivate(new PKCS8EncodedKeySpec(KeyEncoding.encodePkcs8(issued.keyPair().privateKey())));
    }

    /** Both CAs as the trust anchors, for a JDK {@code TrustManagerFactory}. */
    public KeyStore trustStore() throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", x509(ca.certificate()));
        store.setCertificateEntry("ec-ca", x509(ecCa.certificate()));
        return store;
    }

    /** {@code issued}'s certificate as the JDK's {@link X509Certificate}. */
    public static X509Certificate x509(IssuedCertificate issued) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(issued.certificate().encoded()));
    }
}
