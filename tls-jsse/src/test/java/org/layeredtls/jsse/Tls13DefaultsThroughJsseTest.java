package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.interop.TestPki;

/**
 * The provider's default context ({@code "TLS"}, the same as {@code "TLSv1.3"}: TLSv1.3 and TLSv1.2 enabled, as
 * SunJSSE's) against SunJSSE's own default context, both ways: TLS 1.3 with a TLS 1.3 suite; and a socket whose
 * enabled suites are TLS 1.2 ones only offers no TLS 1.3 (as SunJSSE), so the same peers agree on TLS 1.2.
 */
@Timeout(60)
class Tls13DefaultsThroughJsseTest {

    @TempDir
    static Path directory;
    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static SSLContext context(String protocol, String provider, TestPki.Identity key) throws Exception {
        SSLContext context = provider.equals(LayeredTlsProvider.NAME) ? SSLContext.getInstance(protocol, new LayeredTlsProvider())
                : SSLContext.getInstance(protocol, provider);
        KeyManager[] keys = key == null ? null : TestManagers.keyManagers(pki, key);
        context.init(keys, TestManagers.trustManagers(pki.ca()), null);
        return context;
    }

    private static SSLSocket connect(SSLContext context, int port) throws Exception {
        return (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
    }

    @Test
    void ourDefaultClientAndSunJssesDefaultServerAgreeOnTls13() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(context("TLS", "SunJSSE", pki.serverRsa()), s -> { });
             SSLSocket client = connect(context("TLSv1.3", LayeredTlsProvider.NAME, null), server.port())) {
            assertEquals("echo over 1.3", OneConnectionServer.exchange(client, "over 1.3"));
            SSLSession ours = client.getSession();
            client.close();
            OneConnectionServer.Served theirs = server.served();
            assertEquals("TLSv1.3", ours.getProtocol());
            assertEquals("TLSv1.3", theirs.protocol());
            assertEquals(theirs.cipherSuite(), ours.getCipherSuite());
            assertTrue(ours.getCipherSuite().startsWith("TLS_AES_") || ours.getCipherSuite().startsWith("TLS_CHACHA20_"),
                    ours.getCipherSuite());
        }
    }

    @Test
    void sunJssesDefaultClientAndOurDefaultServerAgreeOnTls13() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(context("TLS", LayeredTlsProvider.NAME, pki.serverRsa()), s -> { });
             SSLSocket client = connect(context("TLS", "SunJSSE", null), server.port())) {
            assertEquals("echo from SunJSSE", OneConnectionServer.exchange(client, "from SunJSSE"));
            SSLSession theirs = client.getSession();
            client.close();
            OneConnectionServer.Served ours = server.served();
            assertEquals("TLSv1.3", theirs.getProtocol());
            assertEquals("TLSv1.3", ours.protocol());
            assertEquals(theirs.getCipherSuite(), ours.cipherSuite());
        }
    }

    @Test
    void aSocketWithOnlyTls12SuitesEnabledOffersNoTls13() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(context("TLS", "SunJSSE", pki.serverRsa()), s -> { });
             SSLSocket client = connect(context("TLS", LayeredTlsProvider.NAME, null), server.port())) {
            client.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
            assertEquals("echo over 1.2", OneConnectionServer.exchange(client, "over 1.2"));
            assertEquals("TLSv1.2", client.getSession().getProtocol());
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", client.getSession().getCipherSuite());
            client.close();
            assertEquals("TLSv1.2", server.served().protocol());
        }
    }
}
