package org.layeredtls.jsse;

import java.io.File;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The keys of the {@code "Default"} context, as SunJSSE finds them: the key store named by the system property
 * {@code javax.net.ssl.keyStore} (PKCS#12 or JKS), unlocked by {@code javax.net.ssl.keyStorePassword}; none
 * when the property is not set.
 */
final class DefaultKeyManagers {

    private DefaultKeyManagers() {
    }

    static KeyManager[] fromSystemProperties() throws KeyManagementException {
        String path = System.getProperty("javax.net.ssl.keyStore");
        if (path == null || path.isEmpty() || "NONE".equals(path)) {
            return null;
        }
        char[] password = System.getProperty("javax.net.ssl.keyStorePassword", "").toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(new File(path), password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new KeyManagementException("cannot read javax.net.ssl.keyStore " + path + ": " + e.getMessage(), e);
        }
    }
}
