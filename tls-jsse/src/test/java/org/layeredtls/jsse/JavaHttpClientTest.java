package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.layeredtls.handshake.interop.OpenSslServer;

/**
 * The JDK's {@code java.net.http.HttpClient} on our SSLContext — it runs TLS on an {@code SSLEngine}, so on ours:
 * HTTP/1.1 from {@code openssl s_server -www}, and HTTP/2 by ALPN {@code h2} from a Netty HTTP/2 server whose TLS is
 * our engine too (RFC 7540 §9.2: TLS 1.2 with an AEAD suite, which is the provider's default).
 */
class JavaHttpClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final OpenSslWww WWW = OpenSslWww.rsa();

    private static HttpClient httpClient(SSLContext context, HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(context).version(version).connectTimeout(TIMEOUT).build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
    }

    @Test
    void httpClientFetchesAPageFromOpenSslServerWwwOverHttp11() throws Exception {
        HttpClient client = httpClient(TestManagers.layered(WWW.pki(), null), HttpClient.Version.HTTP_1_1);
        HttpResponse<String> response = client.send(get(WWW.url()),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
        assertTrue(response.body().contains("Protocol  : TLSv1.2"), response.body());
        assertTrue(response.body().contains("Cipher    : ECDHE-RSA-AES128-GCM-SHA256"), response.body());
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", response.sslSession().orElseThrow().getCipherSuite());
    }

    @Test
    void httpClientSpeaksHttp2ByAlpnToANettyServerOnOurEngine() throws Exception {
        SSLContext serverContext = TestManagers.layered(WWW.pki(), WWW.pki().serverEcdsa());
        try (Http2Server server = new Http2Server(serverContext::createSSLEngine)) {
            HttpClient client = httpClient(TestManagers.layered(WWW.pki(), null), HttpClient.Version.HTTP_2);
            String url = "https://localhost:" + server.port() + "/";
            HttpResponse<String> first = client.send(get(url + "first"), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = client.send(get(url + "second"), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, first.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, first.version(), "ALPN agreed on h2");
            assertEquals("h2 /first over TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 ALPN h2\n", first.body());
            assertEquals("h2 /second over TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 ALPN h2\n", second.body(),
                    "a second stream on the same connection");
        }
    }

    @Test
    void httpClientSpeaksHttp2ToNettysOwnAlpnSupportOverOurContext() throws Exception {
        try (Http2Server server = Http2Server.withNettyAlpn(TestManagers.layered(WWW.pki(), WWW.pki().serverRsa()))) {
            HttpClient client = httpClient(TestManagers.layered(WWW.pki(), null), HttpClient.Version.HTTP_2);
            HttpResponse<String> response = client.send(get("https://localhost:" + server.port() + "/netty-alpn"),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(HttpClient.Version.HTTP_2, response.version(), "Netty's selector chose h2 on our engine");
            assertEquals("h2 /netty-alpn over TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 ALPN h2\n", response.body());
        }
    }

    @Test
    void httpClientRefusesTheServerWhenOurTrustManagerDoes() throws Exception {
        SSLContext trustsOtherCa = SSLContext.getInstance("TLS", new LayeredTlsProvider());
        trustsOtherCa.init(null, TestManagers.trustManagers(WWW.pki().otherCa()), null);
        HttpClient client = httpClient(trustsOtherCa, HttpClient.Version.HTTP_1_1);

        assertThrows(SSLHandshakeException.class,
                () -> client.send(get(WWW.url()), HttpResponse.BodyHandlers.ofString()));
    }
}
