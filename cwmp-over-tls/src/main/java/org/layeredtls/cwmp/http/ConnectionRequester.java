package org.layeredtls.cwmp.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
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
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.layeredtls.crypto.RandomSource;

/**
 * The ACS side of the Connection Request (TR-069 §3.2.2): an HTTP GET to the CPE's
 * ConnectionRequestURL, answering the CPE's Digest challenge with the ConnectionRequestUsername
 * and ConnectionRequestPassword. Plain HTTP, on one persistent connection when the CPE keeps it.
 */
public final class ConnectionRequester {

    private final RandomSource random;
    private final int timeoutMillis;

    public ConnectionRequester(RandomSource random, int timeoutMillis) {
        this.random = random;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends the request; returns the final HTTP status (200/204 accepted, 401 refused, 503 busy). */
    public int send(URI url, String username, String password) throws IOException {
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("a ConnectionRequestURL is plain http: " + url);
        }
        String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            target += "?" + url.getRawQuery();
        }
        HttpHost host = new HttpHost(url.getScheme(), url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
        HttpRequestExecutor executor = new HttpRequestExecutor();
        DefaultBHttpClientConnection connection = null;
        try {
            connection = connect(host);
            BasicClassicHttpRequest first = new BasicClassicHttpRequest(Method.GET, host, target);
            int status;
            String challenge;
            try (ClassicHttpResponse response = execute(executor, connection, first, host)) {
                status = response.getCode();
                var header = response.getFirstHeader(HttpHeaders.WWW_AUTHENTICATE);
                challenge = header == null ? null : header.getValue();
                EntityUtils.consume(response.getEntity());
                if (status != HttpStatus.SC_UNAUTHORIZED || challenge == null) {
                    return status;
                }
                if (!executor.keepAlive(first, response, connection, HttpCoreContext.create())) {
                    connection.close();
                }
            }
            AuthParams params = AuthParams.parse(challenge).filter(p -> p.isScheme("Digest")).orElse(null);
            if (params == null) {
                return status;
            }
            if (!connection.isOpen()) {
                connection = connect(host);
            }
            BasicClassicHttpRequest second = new BasicClassicHttpRequest(Method.GET, host, target);
            String cnonce = HexFormat.of().formatHex(random.nextBytes(8));
            second.setHeader(HttpHeaders.AUTHORIZATION,
                    HttpDigest.authorization(params, Method.GET.name(), target, username, password, cnonce, 1));
            try (ClassicHttpResponse response = execute(executor, connection, second, host)) {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            }
        } catch (HttpException e) {
            throw new IOException("connection request to " + url + ": " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                connection.close(CloseMode.GRACEFUL);
            }
        }
    }

    private DefaultBHttpClientConnection connect(HttpHost host) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host.getHostName(), host.getPort()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
            connection.bind(socket);
            return connection;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static ClassicHttpResponse execute(HttpRequestExecutor executor, DefaultBHttpClientConnection connection,
                                               BasicClassicHttpRequest request, HttpHost host)
            throws IOException, HttpException {
        HttpCoreContext context = HttpCoreContext.create();
        executor.preProcess(request, ClientProcessor.of("LayeredTLS-ACS"), context);
        ClassicHttpResponse response = executor.execute(request, connection, context);
        executor.postProcess(response, ClientProcessor.of("LayeredTLS-ACS"), context);
        return response;
    }
}
