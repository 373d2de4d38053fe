package org.layeredtls.handshake.jca;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.Pem;

/**
 * PEM files, as OpenSSL writes them, as in-memory PKCS#12 {@link KeyStore}s: what the JDK's
 * {@code KeyManagerFactory} and {@code TrustManagerFactory} take. The way from {@code cert.pem} and
 * {@code key.pem} to a JSSE {@code SSLContext} (of any provider) without {@code openssl pkcs12 -export}.
 */
public final class PemKeyStores {

    private PemKeyStores() {
    }

    /**
     * A key store with one private key entry {@code alias}: the key of {@code keyFile} (PKCS#8, PKCS#1 or
     * SEC 1 PEM) with the chain of {@code chainFile} (leaf first), protected by {@code password}.
     */
    public static KeyStore keyStore(Path chainFile, Path keyFile, String alias, char[] password) throws IOException {
        List<Certificate> chain = Pem.readCertificates(chainFile);
        PrivateKey key = Pem.readPrivateKey(keyFile);
        KeyStore store = empty();
        try {
            store.setKeyEntry(alias, JcaKeys.toJca(key), password, JcaCertificates.toJca(chain));
        } catch (GeneralSecurityException e) {
            throw new IOException("the JDK refused the key of " + keyFile + " with the chain of " + chainFile + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** A key store whose trusted certificate entries are the certificates of {@code certificatesFile}. */
    public static KeyStore trustStore(Path certificatesFile) throws IOException {
        KeyStore store = empty();
        int n = 0;
        try {
            for (Certificate certificate : Pem.readCertificates(certificatesFile)) {
                store.setCertificateEntry("trusted-" + n++, JcaCertificates.toJca(certificate));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("the JDK refused a certificate of " + certificatesFile + ": " + e.getMessage(), e);
        }
        return store;
    }

    private static KeyStore empty() throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("the JDK has no PKCS12 key store: " + e.getMessage(), e);
        }
    }
}
