package org.layeredtls.handshake.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.interop.TestPki;

/** PEM files as OpenSSL writes them, as key stores the JDK's key manager factory takes, and back. */
class PemKeyStoresTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;
    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @Test
    void aPemKeyAndChainBecomeAKeyEntryTheJdksKeyManagerServes() throws Exception {
        Path chain = directory.resolve("server-ec-chain.pem");
        Files.writeString(chain, Files.readString(pki.serverEcdsa().certificate()) + Files.readString(pki.ca().certificate()));

        KeyStore store = PemKeyStores.keyStore(chain, pki.serverEcdsa().key(), "server", PASSWORD);
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        factory.init(store, PASSWORD);
        X509KeyManager keys = (X509KeyManager) factory.getKeyManagers()[0];

        String alias = keys.chooseServerAlias("EC", null, null);
        assertTrue(alias != null && alias.endsWith("server"), alias);
        assertEquals(2, keys.getCertificateChain(alias).length);
        CertifiedKey back = KeyStoreReader.certifiedKey(store, PASSWORD, "server");
        assertEquals(List.of(pki.serverEcdsa().chain().get(0), pki.ca().chain().get(0)), back.chain());
        assertEquals(pki.serverEcdsa().privateKey(), back.privateKey());
    }

    @Test
    void pemCertificatesBecomeTrustedEntries() throws Exception {
        assertEquals(pki.trustAnchors(), KeyStoreReader.trustAnchors(PemKeyStores.trustStore(pki.ca().certificate())));
    }
}
