package org.layeredtls.handshake.jca;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateParseException;

/**
 * Reads a {@link KeyStore} (PKCS#12, as {@code openssl pkcs12 -export} and {@code keytool} write it, or JKS)
 * into what a {@link org.layeredtls.handshake.api.TlsConfig} takes: a private key entry becomes a
 * {@link CertifiedKey} (its chain, leaf first, and its key), the trusted certificate entries become trust
 * anchors.
 */
public final class KeyStoreReader {

    private KeyStoreReader() {
    }

    /** Loads a key store file, PKCS#12 or JKS, whichever it is ({@link KeyStore#getInstance(java.io.File, char[])} tells them apart). */
    public static KeyStore load(Path file, char[] password) throws IOException {
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The private key entry {@code alias} (or, when {@code alias} is null, the store's only private key entry)
     * with its certificate chain. {@code password} unlocks the key (for PKCS#12, the store's password).
     */
    public static CertifiedKey certifiedKey(KeyStore store, char[] password, String alias) throws IOException {
        try {
            String name = alias != null ? alias : onlyKeyAlias(store);
            if (!store.isKeyEntry(name)) {
                throw new IOException("the key store has no private key entry named " + name);
            }
            Key key = store.getKey(name, password);
            if (!(key instanceof java.security.PrivateKey privateKey)) {
                throw new IOException("the key store entry " + name + " holds no private key");
            }
            java.security.cert.Certificate[] chain = store.getCertificateChain(name);
            if (chain == null || chain.length == 0) {
                throw new IOException("the key store entry " + name + " has no certificate chain");
            }
            List<Certificate> ours = new ArrayList<>(chain.length);
            for (java.security.cert.Certificate certificate : chain) {
                ours.add(JcaCertificates.fromJca((X509Certificate) certificate));
            }
            return new CertifiedKey(ours, JcaKeys.fromJca(privateKey));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key entry " + alias + ": " + e.getMessage(), e);
        }
    }

    /** The store's trusted certificate entries (as {@code keytool -importcert} makes them), as trust anchors. */
    public static List<Certificate> trustAnchors(KeyStore store) throws IOException {
        try {
            List<Certificate> anchors = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate x509) {
                    anchors.add(JcaCertificates.fromJca(x509));
                }
            }
            return anchors;
        } catch (KeyStoreException | CertificateParseException e) {
            throw new IOException("cannot read the trusted certificates: " + e.getMessage(), e);
        }
    }

    private static String onlyKeyAlias(KeyStore store) throws KeyStoreException, IOException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new IOException("name the alias: the key store has " + keys.size() + " private key entries " + keys);
        }
        return keys.get(0);
    }
}
