package org.layeredtls.handshake.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.interop.OpenSslCommand;
import org.layeredtls.handshake.interop.TestPki;

/** PKCS#12 and JKS key stores written by {@code openssl pkcs12 -export} and by the JDK's {@code keytool}, read into our types. */
class KeyStoreReaderTest {

    static final String PASSWORD_TEXT = "changeit";
    private static final char[] PASSWORD = PASSWORD_TEXT.toCharArray();

    @TempDir
    static Path directory;
    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    /** {@code openssl pkcs12 -export} of an identity of the test PKI, with the CA in the chain. */
    private static KeyStore openSslPkcs12(TestPki.Identity identity, String name) throws Exception {
        Path file = directory.resolve(name + ".p12");
        OpenSslCommand.run(directory, "pkcs12", "-export", "-in", identity.certificate().toString(),
                "-inkey", identity.key().toString(), "-certfile", pki.ca().certificate().toString(),
                "-name", name, "-passout", "pass:" + PASSWORD_TEXT, "-out", file.toString());
        return KeyStoreReader.load(file, PASSWORD);
    }

    @Test
    void readsTheRsaKeyAndWholeChainOfAnOpenSslPkcs12() throws Exception {
        CertifiedKey key = KeyStoreReader.certifiedKey(openSslPkcs12(pki.serverRsa(), "server-rsa"), PASSWORD, "server-rsa");

        assertEquals(List.of(pki.serverRsa().chain().get(0), pki.ca().chain().get(0)), key.chain());
        assertEquals(pki.serverRsa().privateKey(), key.privateKey());
        assertInstanceOf(RsaPrivateKey.class, key.privateKey());
    }

    @Test
    void readsTheEcKeyOfAnOpenSslPkcs12WithoutNamingTheAlias() throws Exception {
        CertifiedKey key = KeyStoreReader.certifiedKey(openSslPkcs12(pki.serverEcdsa(), "server-ec"), PASSWORD, null);

        assertEquals(pki.serverEcdsa().chain().get(0), key.leaf());
        assertEquals(pki.serverEcdsa().privateKey(), key.privateKey());
        assertInstanceOf(EcPrivateKey.class, key.privateKey());
    }

    @Test
    void readsKeytoolKeyPairsRsaAndEcInPkcs12AndJks() throws Exception {
        for (String type : List.of("PKCS12", "JKS")) {
            for (boolean ec : List.of(false, true)) {
                String file = "keytool-" + type + (ec ? "-ec" : "-rsa") + ".store";
                KeyStore store = KeyStoreReader.load(Keytool.generateKeyPair(directory, file, type, "me", ec), PASSWORD);
                assertEquals(type, store.getType(), file);

                CertifiedKey key = KeyStoreReader.certifiedKey(store, PASSWORD, "me");

                assertEquals(ec, key.isEc(), file);
                assertEquals(key.leaf().publicKey(), PublicKeyCrypto.defaultImplementation().publicKeyOf(key.privateKey()),
                        file + ": the key read is the one the certificate certifies");
                assertEquals("CN=localhost", key.leaf().subject(), file);
            }
        }
    }

    @Test
    void readsTheTrustedCertificatesKeytoolImported() throws Exception {
        for (String type : List.of("PKCS12", "JKS")) {
            Path file = directory.resolve("trust-" + type + ".store");
            Keytool.run(directory, "-importcert", "-noprompt", "-alias", "test-ca", "-file", pki.ca().certificate().toString(),
                    "-storetype", type, "-keystore", file.toString(), "-storepass", PASSWORD_TEXT);

            assertEquals(pki.trustAnchors(), KeyStoreReader.trustAnchors(KeyStoreReader.load(file, PASSWORD)), type);
        }
    }

    @Test
    void asksForTheAliasWhenTheStoreHoldsSeveralKeys() throws Exception {
        Path file = Keytool.generateKeyPair(directory, "two-keys.p12", "PKCS12", "first", true);
        Keytool.run(directory, "-genkeypair", "-alias", "second", "-dname", "CN=second", "-keyalg", "EC", "-groupname", "secp256r1",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD_TEXT);
        KeyStore store = KeyStoreReader.load(file, PASSWORD);

        IOException error = assertThrows(IOException.class, () -> KeyStoreReader.certifiedKey(store, PASSWORD, null));
        assertTrue(error.getMessage().contains("name the alias"), error.getMessage());
        assertEquals("CN=second", KeyStoreReader.certifiedKey(store, PASSWORD, "second").leaf().subject());
    }

    @Test
    void aWrongPasswordIsAnIoError() {
        assertThrows(IOException.class, () -> openSslPkcs12Loaded("wrong".toCharArray()));
    }

    private static void openSslPkcs12Loaded(char[] password) throws Exception {
        openSslPkcs12(pki.clientRsa(), "client-rsa");
        KeyStoreReader.load(directory.resolve("client-rsa.p12"), password);
    }

    @Test
    void aServerFromAPkcs12AndAClientFromAJksTrustStoreShakeHands() throws Exception {
        Path trust = directory.resolve("handshake-trust.jks");
        Keytool.run(directory, "-importcert", "-noprompt", "-alias", "test-ca", "-file", pki.ca().certificate().toString(),
                "-storetype", "JKS", "-keystore", trust.toString(), "-storepass", PASSWORD_TEXT);
        TlsConfig serverConfig = TlsConfig.builder().keyStore(openSslPkcs12(pki.serverEcdsa(), "hs-server"), PASSWORD, "hs-server").build();
        TlsConfig clientConfig = TlsConfig.builder().trustStore(KeyStoreReader.load(trust, PASSWORD)).build();

        try (TlsServerSocket server = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, serverConfig)) {
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (TlsSocket accepted = server.accept()) {
                    InputStream in = accepted.getInputStream();
                    byte[] hello = in.readNBytes(5);
                    accepted.getOutputStream().write(hello);
                    accepted.getOutputStream().flush();
                    return new String(hello, StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (TlsSocket client = TlsSocket.connect("localhost", server.getLocalPort(), clientConfig)) {
                OutputStream out = client.getOutputStream();
                out.write("hello".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("hello", new String(client.getInputStream().readNBytes(5), StandardCharsets.US_ASCII));
                assertEquals(pki.serverEcdsa().chain().get(0), client.session().peerCertificates().get(0));
            }
            assertEquals("hello", served.get(30, TimeUnit.SECONDS));
        }
    }
}
