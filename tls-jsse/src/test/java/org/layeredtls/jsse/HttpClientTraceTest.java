package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.trace.TracePrinter;

/**
 * tls-handshake/OBSERVE.md's example, run here as printed there: {@code java.net.http.HttpClient} fetches a page
 * from {@code openssl s_server -www} over our SSLEngine, and a {@link TracePrinter} on the context prints every
 * record and handshake message. The page shows the code word for word, and the trace it shows has the records
 * and messages, in order, that a run prints now.
 */
class HttpClientTraceTest {

    private static final Path OBSERVE = Path.of("../tls-handshake/OBSERVE.md");

    @RegisterExtension
    static final OpenSslWww WWW = OpenSslWww.ecdsa();

    /** OBSERVE.md's example, word for word between the markers. */
    private static String observeExample(TrustManager[] trustManagers, String url) throws Exception {
        // OBSERVE example begin
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        TlsConfig base = TlsConfig.builder()
                .observer(new TracePrinter(new PrintStream(trace, true, StandardCharsets.UTF_8)))
                .build();
        SSLContext context = LayeredTlsProvider.sslContext(base);   // every engine of this context is traced
        context.init(null, trustManagers, null);

        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        // OBSERVE example end
        assertEquals(200, page.statusCode());
        return trace.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theExampleTracesTheHandshakeAndTheRequestOfHttpClient() throws Exception {
        String trace = observeExample(TestManagers.trustManagers(WWW.pki().ca()), WWW.url());
        System.out.println(trace); // what OBSERVE.md shows, to refresh it by hand

        assertTrue(trace.contains("ClientHello") && trace.contains("ServerKeyExchange") && trace.contains("Finished"), trace);
        assertTrue(trace.contains("application_data"), trace);
        assertEquals(outline(section(Files.readString(OBSERVE))), outline(trace),
                "OBSERVE.md's trace shows the records and messages a run prints, in order");
    }

    @Test
    void observeMdShowsTheExampleAsItRuns() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/layeredtls/jsse/HttpClientTraceTest.java"));
        String example = source.substring(source.indexOf("// OBSERVE example begin\n") + "// OBSERVE example begin\n".length(),
                source.indexOf("        // OBSERVE example end"));
        String unindented = example.lines().map(line -> line.isBlank() ? "" : line.substring(8))
                .collect(Collectors.joining("\n", "", "\n"));

        assertTrue(Files.readString(OBSERVE).contains("```java\n" + unindented + "```"),
                "OBSERVE.md's HttpClient example differs from HttpClientTraceTest's:\n" + unindented);
    }

    // the ```text block after the HttpClient example in OBSERVE.md
    private static String section(String page) {
        int example = page.indexOf("## Trace of java.net.http.HttpClient");
        int start = page.indexOf("```text\n", example) + "```text\n".length();
        return page.substring(start, page.indexOf("```", start));
    }

    // the direction of each record, its content type, and each handshake message's name, up to the first alert
    // (the close_notify exchange may still run when send() returns): what does not change between runs
    private static List<String> outline(String trace) {
        List<String> outline = trace.lines().map(String::strip)
                .filter(line -> line.endsWith(" Record") || line.startsWith("Content Type =")
                        || line.matches("[A-Za-z]+, Length=\\d+"))
                .map(line -> line.replaceAll(", Length=\\d+", ""))
                .toList();
        int alert = outline.indexOf("Content Type = Alert (21)");
        return alert < 0 ? outline : outline.subList(0, alert - 1);
    }
}
