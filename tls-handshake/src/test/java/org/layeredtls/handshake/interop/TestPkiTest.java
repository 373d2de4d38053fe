package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.EcPrivateKey;
import org.layeredtls.crypto.RsaPrivateKey;

/** The test PKI: openssl accepts its chains, refuses the unrelated CA's client, and our Pem reads every file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestPkiTest {

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @Test
    void opensslVerifiesTheServerAndClientCertificatesForTheirPurpose() throws Exception {
        String ca = pki.ca().certificate().toString();
        for (TestPki.Identity server : new TestPki.Identity[] {pki.serverRsa(), pki.serverEcdsa()}) {
            OpenSslCommand.run(directory, "verify", "-CAfile", ca, "-purpose", "sslserver",
                    "-verify_hostname", "localhost", "-verify_ip", "127.0.0.1", server.certificate().toString());
        }
        for (TestPki.Identity client : new TestPki.Identity[] {pki.clientRsa(), pki.clientEcdsa()}) {
            OpenSslCommand.run(directory, "verify", "-CAfile", ca, "-purpose", "sslclient", client.certificate().toString());
        }
    }

    @Test
    void theUnrelatedCaClientDoesNotChainToTheTestCa() {
        assertThrows(IOException.class, () -> OpenSslCommand.run(directory, "verify", "-CAfile",
                pki.ca().certificate().toString(), pki.otherClient().certificate().toString()));
    }

    @Test
    void ourPemReaderLoadsEveryCertificateAndKey() throws Exception {
        assertEquals(1, pki.trustAnchors().size());
        assertTrue(pki.trustAnchors().get(0).isCa());
        assertTrue(pki.serverRsa().privateKey() instanceof RsaPrivateKey);
        assertTrue(pki.serverEcdsa().privateKey() instanceof EcPrivateKey);
        assertTrue(pki.clientRsa().privateKey() instanceof RsaPrivateKey);
        assertTrue(pki.clientEcdsa().privateKey() instanceof EcPrivateKey);
        assertEquals(1, pki.otherClient().chain().size());
        assertEquals("localhost", pki.serverEcdsa().chain().get(0).commonName().orElseThrow());
    }
}
