package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.layeredtls.handshake.interop.OpenSslServer;

/**
 * Real Java HTTP clients on our SSLContext against {@code openssl s_server -www} (which answers any GET with
 * a page describing the session): Apache HttpClient 5 (classic; it layers TLS over its own socket with
 * {@code createSocket(socket, host, port, true)} and checks the host name itself) and the JDK's
 * {@code HttpsURLConnection}.
 */
class HttpClientInteropTest {

    private static final Timeout TIMEOUT = Timeout.ofSeconds(30);

    @RegisterExtension
    static final OpenSslWww WWW = OpenSslWww.rsa();

    private static CloseableHttpClient httpClient(SSLContext context) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(context).buildClassic())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
                .build();
    }

    @Test
    void apacheHttpClientFetchesAPageFromOpenSslServerWww() throws Exception {
        try (CloseableHttpClient client = httpClient(TestManagers.layered(WWW.pki(), null))) {
            String page = client.execute(new HttpGet(WWW.url()), response -> {
                assertEquals(200, response.getCode());
                return EntityUtils.toString(response.getEntity());
            });

            assertTrue(page.contains("Protocol  : TLSv1.2"), page);
            assertTrue(page.contains("Cipher    : ECDHE-RSA-AES128-GCM-SHA256"), page);
        }
    }

    @Test
    void theContextsSecondConnectionResumesTheSession() throws Exception {
        try (CloseableHttpClient client = httpClient(TestManagers.layered(WWW.pki(), null))) {
            String url = WWW.url();
            String first = client.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity()));
            String second = client.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity()));

            assertTrue(first.contains("New, TLSv1.2"), first);
            assertTrue(second.contains("Reused, TLSv1.2"), "s_server -www closes each connection: the second one resumed\n" + second);
        }
    }

    @Test
    void apacheHttpClientRefusesOpenSslWhenOurTrustManagerDoesNot() throws Exception {
        SSLContext trustsOtherCa = SSLContext.getInstance("TLS", new LayeredTlsProvider());
        trustsOtherCa.init(null, TestManagers.trustManagers(WWW.pki().otherCa()), null);
        try (CloseableHttpClient client = httpClient(trustsOtherCa)) {
            assertThrows(SSLHandshakeException.class,
                    () -> client.execute(new HttpGet(WWW.url()), response -> response.getCode()));
        }
    }

    @Test
    void httpsUrlConnectionFetchesAPageFromOpenSslServerWww() throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) new URL(WWW.url()).openConnection();
        connection.setSSLSocketFactory(TestManagers.layered(WWW.pki(), null).getSocketFactory());
        connection.setConnectTimeout((int) TimeUnit.SECONDS.toMillis(30));
        connection.setReadTimeout((int) TimeUnit.SECONDS.toMillis(30));
        try (InputStream in = connection.getInputStream()) {
            String page = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            assertEquals(200, connection.getResponseCode());
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", connection.getCipherSuite());
            assertTrue(page.contains("Protocol  : TLSv1.2"), page);
        } finally {
            connection.disconnect();
        }
    }
}
