package org.layeredtls.cwmp.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.io.CloseMode;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * Fetches a Download's file (TR-069 §A.3.2.8) with an HTTP GET: over our {@link TlsSocket} for
 * {@code https} URLs (the same trust anchor and client certificate as the CWMP sessions), plain
 * TCP for {@code http}. Answers one 401 with Digest or Basic (Basic only over TLS) when the
 * Download carried a user name. Refuses a body longer than the limit.
 */
public final class HttpFetcher {

    private static final HttpProcessor PROCESSOR = ClientProcessor.of("LayeredTLS-CPE");

    private final TlsConfig tls;
    private final RandomSource random;
    private final long maxBytes;

    public HttpFetcher(TlsConfig tls, RandomSource random, long maxBytes) {
        this.tls = tls;
        this.random = random;
        this.maxBytes = maxBytes;
    }

    /** The file at {@code url}; an IOException for any failure, including a status other than 200. */
    public byte[] fetch(String url, String username, String password) throws IOException {
        URI uri = URI.create(url);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("unsupported URL scheme: " + url);
        }
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80);
        HttpRequestExecutor executor = new HttpRequestExecutor();
        String authorization = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            DefaultBHttpClientConnection connection = connect(host, https);
            try {
                BasicClassicHttpRequest get = new BasicClassicHttpRequest(Method.GET, host, target);
                if (authorization != null) {
                    get.setHeader(HttpHeaders.AUTHORIZATION, authorization);
                }
                HttpCoreContext context = HttpCoreContext.create();
                executor.preProcess(get, PROCESSOR, context);
                try (ClassicHttpResponse response = executor.execute(get, connection, context)) {
                    executor.postProcess(response, PROCESSOR, context);
                    int status = response.getCode();
                    if (status == HttpStatus.SC_OK) {
                        return read(response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent());
                    }
                    if (status == HttpStatus.SC_UNAUTHORIZED && authorization == null && username != null && !username.isEmpty()) {
                        authorization = answer(response, target, username, password, https);
                        if (authorization != null) {
                            continue;
                        }
                    }
                    throw new IOException("GET " + url + ": HTTP " + status);
                }
            } catch (HttpException e) {
                throw new IOException("GET " + url + ": " + e.getMessage(), e);
            } finally {
                connection.close(CloseMode.GRACEFUL);
            }
        }
        throw new IOException("GET " + url + ": authentication refused");
    }

    private String answer(ClassicHttpResponse response, String target, String username, String password, boolean https) {
        for (var header : response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)) {
            AuthParams params = AuthParams.parse(header.getValue()).orElse(null);
            if (params != null && params.isScheme("Digest")) {
                return HttpDigest.authorization(params, Method.GET.name(), target, username, password,
                        HexFormat.of().formatHex(random.nextBytes(8)), 1);
            }
        }
        if (https) { // Basic only where TLS protects the password
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new IOException("file larger than " + maxBytes + " bytes");
            }
        }
        return out.toByteArray();
    }

    private DefaultBHttpClientConnection connect(HttpHost host, boolean https) throws IOException {
        Socket socket;
        if (https) {
            TlsSocket tlsSocket = TlsSocket.connect(host.getHostName(), host.getPort(), tls);
            socket = new TlsBoundSocket(tlsSocket);
        } else {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host.getHostName(), host.getPort()), 30_000);
        }
        try {
            socket.setSoTimeout(60_000);
            DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
            connection.bind(socket);
            return connection;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
