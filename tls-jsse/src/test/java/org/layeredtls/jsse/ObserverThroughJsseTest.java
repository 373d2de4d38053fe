package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.trace.TracePrinter;

/**
 * The research hooks through JSSE: a whole context's ({@link LayeredTlsProvider#sslContext(TlsConfig)}, the
 * README's example, run here as printed there) and one socket's ({@link LayeredSslParameters}).
 */
class ObserverThroughJsseTest {

    @RegisterExtension
    static final OpenSslWww WWW = OpenSslWww.ecdsa();

    /** The README's example, word for word between the markers (ReadmeTest checks the README holds it). */
    private static String readmeExample(TrustManager[] trustManagers, String url) throws Exception {
        // README example begin
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        TlsConfig base = TlsConfig.builder()
                .observer(new TracePrinter(new PrintStream(trace, true, StandardCharsets.UTF_8)))
                .build();
        SSLContext context = LayeredTlsProvider.sslContext(base);
        context.init(null, trustManagers, null);

        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(context).buildClassic())
                        .build())
                .build()) {
            client.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity()));
        }
        // trace.toString() reads like `openssl s_client -trace`: every record, every handshake message
        // README example end
        return trace.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReadmeExampleTracesHttpClientsHandshakeAndRecords() throws Exception {
        String trace = readmeExample(TestManagers.trustManagers(WWW.pki().ca()), WWW.url());

        assertTrue(trace.contains("Sent Record") && trace.contains("Received Record"), trace);
        assertTrue(trace.contains("ClientHello") && trace.contains("ServerHello") && trace.contains("Finished"), trace);
        assertTrue(trace.contains("application_data"), trace);
    }

    @Test
    void theReadmeShowsTheExampleAsItRuns() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/layeredtls/jsse/ObserverThroughJsseTest.java"));
        String example = source.substring(source.indexOf("// README example begin\n") + "// README example begin\n".length(),
                source.indexOf("        // README example end"));
        // the method body's 8 spaces of indentation off each line
        String unindented = example.lines().map(line -> line.isBlank() ? "" : line.substring(8))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        String readme = Files.readString(Path.of("README.md"));

        assertTrue(readme.contains("```java\n" + unindented + "```"), "README.md's example differs from ObserverThroughJsseTest's:\n" + unindented);
    }

    @Test
    void layeredSslParametersHookOneSocket() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> intercepted = new CopyOnWriteArrayList<>();
        LayeredSslParameters hooks = new LayeredSslParameters();
        hooks.setObserver(new TlsObserver() {
            @Override
            public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
                seen.add(message.type().rfcName());
            }
        });
        hooks.setHandshakeInterceptor(new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
                intercepted.add(message.message().type().rfcName());
                HandshakeInterceptor.super.message(message, flight);
            }
        });
        try (SSLSocket socket = (SSLSocket) TestManagers.layered(WWW.pki(), null).getSocketFactory().createSocket("localhost", WWW.port())) {
            socket.setSSLParameters(hooks);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String page = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(page.contains("Protocol  : TLSv1.2"), page);
        }

        assertEquals(List.of("server_hello", "certificate", "server_key_exchange", "server_hello_done", "new_session_ticket", "finished"), seen);
        assertEquals(List.of("client_hello", "client_key_exchange", "finished"), intercepted);
    }
}
