package org.layeredtls.handshake.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.interop.TestPki;

/** Keys and certificates cross between java.security and our types unchanged, and still do their job on the other side. */
class JcaKeysTest {

    @TempDir
    static Path directory;
    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @Test
    void ourRsaAndEcKeysSurviveTheTripThroughTheJdk() throws Exception {
        for (TestPki.Identity identity : new TestPki.Identity[] {pki.serverRsa(), pki.serverEcdsa()}) {
            PrivateKey ours = identity.privateKey();
            Certificate certificate = identity.chain().get(0);

            assertEquals(ours, JcaKeys.fromJca(JcaKeys.toJca(ours)));
            assertEquals(certificate.publicKey(), JcaKeys.fromJca(JcaKeys.toJca(certificate.publicKey())));
        }
    }

    @Test
    void aKeyHandedToTheJdkSignsWhatTheCertificatesKeyVerifies() throws Exception {
        byte[] message = "signed by LayeredTLS's key, in the JDK".getBytes(StandardCharsets.US_ASCII);
        for (TestPki.Identity identity : new TestPki.Identity[] {pki.serverRsa(), pki.serverEcdsa()}) {
            java.security.PrivateKey key = JcaKeys.toJca(identity.privateKey());
            String algorithm = key instanceof RSAPrivateCrtKey ? "SHA256withRSA" : "SHA256withECDSA";
            assertTrue(key instanceof RSAPrivateCrtKey || key instanceof ECPrivateKey, key.getClass().getName());
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();

            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(JcaCertificates.toJca(identity.chain().get(0)));
            verifier.update(message);
            assertTrue(verifier.verify(signature), algorithm);
        }
    }

    @Test
    void aJdkKeyPairArrivesAsAMatchingPair() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        for (KeyPair pair : new KeyPair[] {ec.generateKeyPair(), rsa.generateKeyPair()}) {
            assertEquals(JcaKeys.fromJca(pair.getPublic()),
                    PublicKeyCrypto.defaultImplementation().publicKeyOf(JcaKeys.fromJca(pair.getPrivate())), pair.getPublic().getAlgorithm());
        }
    }

    @Test
    void certificatesCrossAsTheSameDer() throws Exception {
        Certificate ours = pki.ca().chain().get(0);
        java.security.cert.X509Certificate jdk = JcaCertificates.toJca(ours);

        assertArrayEquals(ours.encoded(), jdk.getEncoded());
        assertEquals(ours, JcaCertificates.fromJca(jdk));
        assertEquals("CN=LayeredTLS Interop Test CA", jdk.getSubjectX500Principal().getName());
    }
}
