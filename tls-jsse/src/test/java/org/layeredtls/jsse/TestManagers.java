package org.layeredtls.jsse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.jca.PemKeyStores;

/**
 * The JDK's own key and trust managers (the PKIX factories, as a JSSE user makes them) over in-memory PKCS#12
 * key stores made from the PEM files of the {@link TestPki} ({@link PemKeyStores}); and contexts of our provider and of SunJSSE over them.
 */
final class TestManagers {

    static final char[] PASSWORD = "changeit".toCharArray();

    private TestManagers() {
    }

    /** Key managers holding {@code identities} (each with the test CA behind its leaf), from the JDK's PKIX KeyManagerFactory. */
    static KeyManager[] keyManagers(TestPki pki, TestPki.Identity... identities) throws Exception {
        return keyManagers(pki.ca(), identities);
    }

    /** Key managers holding {@code identities}, each with {@code issuer} behind its leaf, read from the PKI's PEM files. */
    static KeyManager[] keyManagers(TestPki.Identity issuer, TestPki.Identity... identities) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int n = 0;
        for (TestPki.Identity identity : identities) {
            Path chain = Files.createTempFile(identity.certificate().getParent(), "chain", ".pem");
            Files.writeString(chain, Files.readString(identity.certificate()) + Files.readString(issuer.certificate()));
            KeyStore one = PemKeyStores.keyStore(chain, identity.key(), "key", PASSWORD);
            store.setEntry("key" + n++, one.getEntry("key", new KeyStore.PasswordProtection(PASSWORD)),
                    new KeyStore.PasswordProtection(PASSWORD));
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        factory.init(store, PASSWORD);
        return factory.getKeyManagers();
    }

    /** Trust managers trusting {@code ca}, from the JDK's PKIX TrustManagerFactory. */
    static TrustManager[] trustManagers(TestPki.Identity ca) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(PemKeyStores.trustStore(ca.certificate()));
        return factory.getTrustManagers();
    }

    /**
     * A TLS 1.2 context of our provider ({@code "TLSv1.2"}, as the SunJSSE one below: the tests written when
     * TLS 1.2 was the default mean it): {@code key} (may be null) and trust in the test CA.
     */
    static SSLContext layered(TestPki pki, TestPki.Identity key) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.2", new LayeredTlsProvider());
        context.init(key == null ? null : keyManagers(pki, key), trustManagers(pki.ca()), null);
        return context;
    }

    /** A SunJSSE TLS 1.2 context: {@code key} (may be null) and trust in the test CA. */
    static SSLContext sunJsse(TestPki pki, TestPki.Identity key) throws Exception {
        return sunJsse(pki, key, pki.ca());
    }

    /** A SunJSSE TLS 1.2 context: {@code key} issued by {@code issuer}, and trust in the test CA. */
    static SSLContext sunJsse(TestPki pki, TestPki.Identity key, TestPki.Identity issuer) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.2", "SunJSSE");
        context.init(key == null ? null : keyManagers(issuer, key), trustManagers(pki.ca()), null);
        return context;
    }
}
