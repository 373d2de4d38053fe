package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.interop.OpenSslServer;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.0 through JSSE: off by default (the stack's defaults, security level 2), on with a base configuration
 * that allows it and {@code setEnabledProtocols}; against {@code openssl s_server -tls1 -www} at
 * {@code @SECLEVEL=0}, with the version and suite named the JSSE way.
 */
class OldVersionsThroughJsseTest {

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static OpenSslServer openssl;

    @BeforeAll
    static void startOpenSsl() throws Exception {
        pki = TestPki.create(directory);
        openssl = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .tls1().secLevel0().www().start();
    }

    @AfterAll
    static void stopOpenSsl() {
        if (openssl != null) {
            openssl.close();
        }
    }

    private static String fetch(SSLSocket socket) throws Exception {
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void tls10IsRefusedByDefault() throws Exception {
        try (SSLSocket socket = (SSLSocket) TestManagers.layered(pki, null).getSocketFactory().createSocket("localhost", openssl.port())) {
            assertThrows(javax.net.ssl.SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void tls10WithABaseConfigThatAllowsItAndTheProtocolEnabled() throws Exception {
        TlsConfig base = TlsConfig.builder().versions(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_2).securityLevel(0)
                .cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)
                .build();
        SSLContext context = LayeredTlsProvider.sslContext(base);
        context.init(null, TestManagers.trustManagers(pki.ca()), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", openssl.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1"});

            String page = fetch(socket);

            assertEquals("TLSv1", socket.getSession().getProtocol());
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", socket.getSession().getCipherSuite());
            assertTrue(page.contains("Protocol  : TLSv1\n"), page);
        }
    }
}
