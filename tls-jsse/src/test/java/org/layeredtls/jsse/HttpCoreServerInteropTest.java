package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.interop.OpenSslClient;
import org.layeredtls.handshake.interop.PeerProcess;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * An Apache HttpCore 5 classic HTTPS server running on our SSLContext (its {@code SSLServerSocketFactory};
 * HttpCore's own set-up callback turns on need-client-auth through {@code SSLParameters}), answering with
 * what its SSLSession says of the client. Clients: Apache HttpClient 5 on our provider, HttpClient 5 on SunJSSE,
 * and {@code openssl s_client}, each with a client certificate.
 */
class HttpCoreServerInteropTest {

    private static final Timeout TIMEOUT = Timeout.ofSeconds(30);

    @TempDir
    static Path directory;
    private static TestPki pki;
    private static HttpServer server;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.create(directory);
        server = ServerBootstrap.bootstrap()
                .setLocalAddress(InetAddress.getLoopbackAddress())
                .setListenerPort(0)
                .setSslContext(TestManagers.layered(pki, pki.serverRsa()))
                .setSslSetupHandler(parameters -> parameters.setNeedClientAuth(true))
                .register("*", (request, response, context) -> {
                    SSLSession session = HttpCoreContext.cast(context).getSSLSession();
                    response.setCode(200);
                    response.setEntity(new StringEntity("hello " + session.getPeerPrincipal().getName() + " over "
                            + session.getProtocol() + " " + session.getCipherSuite() + "\n", ContentType.TEXT_PLAIN));
                })
                .create();
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close(CloseMode.IMMEDIATE);
        }
    }

    private static String get(SSLContext context) throws IOException {
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(context).buildClassic())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
                .build()) {
            return client.execute(new HttpGet("https://localhost:" + server.getLocalPort() + "/"), response -> {
                assertEquals(200, response.getCode());
                return EntityUtils.toString(response.getEntity());
            });
        }
    }

    @Test
    void apacheHttpClientOnOurProviderAuthenticatesToHttpCoreOnOurProvider() throws Exception {
        assertEquals("hello CN=client.localhost over TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n",
                get(TestManagers.layered(pki, pki.clientRsa())));
    }

    @Test
    void apacheHttpClientOnSunJsseAuthenticatesToHttpCoreOnOurProvider() throws Exception {
        String page = get(TestManagers.sunJsse(pki, pki.clientEcdsa()));

        assertTrue(page.startsWith("hello CN=client.localhost over TLSv1.2 TLS_ECDHE_RSA_WITH_"), page);
    }

    @Test
    void aClientWithoutCertificateIsRefused() {
        assertThrows(IOException.class, () -> get(TestManagers.layered(pki, null)));
    }

    @Test
    void openSslClientWithACertificateGetsThePage() throws Exception {
        try (OpenSslClient client = OpenSslClient.builder(server.getLocalPort())
                .cert(pki.clientEcdsa().certificate()).key(pki.clientEcdsa().key())
                .caFile(pki.ca().certificate()).verifyReturnError().servername("localhost").noCommands().tls1_2()
                .start()) {
            assertTrue(client.awaitHandshake(Duration.ofSeconds(30)), client::diagnostics);
            client.writeStdin("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            Optional<PeerProcess.Match> page = client.awaitStdout(
                    Pattern.compile("hello CN=client.localhost over TLSv1.2 (\\S+)\\n"), 0, Duration.ofSeconds(30));
            assertTrue(page.isPresent(), client::diagnostics);
            String openSslName = client.cipher().orElseThrow();
            assertEquals(CipherSuite.fromName(openSslName).orElseThrow().ianaName(), page.get().group(1),
                    "our SSLSession names the suite s_client reports, " + openSslName);
            assertTrue(client.stdout().contains("HTTP/1.1 200 OK"), client::diagnostics);
            assertEquals(Optional.of(0), client.verifyReturnCode());
        }
    }
}
