package org.layeredtls.cwmp.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.io.CloseMode;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * The CPE's HTTP client for one CWMP session (TR-069 §3.4): POSTs to the ACS URL over our
 * {@link TlsSocket} (SNI and the certificate name check use the URL's host; the chain is checked
 * against the configured root; the CPE's certificate answers a CertificateRequest), one
 * persistent HTTP/1.1 connection, {@code text/xml; charset="utf-8"}, an empty POST with
 * {@code Content-Length: 0}, the ACS's cookies sent back, and a {@code 401} answered once with
 * Digest (preferred) or Basic when credentials are configured. The connection ends with
 * close_notify.
 */
public final class CpeClient {

    private static final ContentType SOAP = ContentType.parse("text/xml; charset=\"utf-8\"");
    private static final HttpProcessor PROCESSOR = ClientProcessor.of("LayeredTLS-CPE");

    private final URI acsUrl;
    private final TlsConfig tls;
    private final String username;
    private final String password;
    private final RandomSource random;
    private volatile SessionInfo lastSessionInfo;

    /**
     * @param acsUrl   {@code https://host:port/path}
     * @param tls      the client configuration: the CA as trust anchor, the CPE's certificate and key
     * @param username for HTTP authentication when the ACS asks (null: none)
     * @param password its password
     */
    public CpeClient(URI acsUrl, TlsConfig tls, String username, String password, RandomSource random) {
        if (!"https".equalsIgnoreCase(acsUrl.getScheme())) {
            throw new IllegalArgumentException("the ACS URL must be https: " + acsUrl);
        }
        this.acsUrl = acsUrl;
        this.tls = tls;
        this.username = username;
        this.password = password;
        this.random = random;
    }

    public URI acsUrl() {
        return acsUrl;
    }

    /** What the last TLS handshake agreed on (null before the first). */
    public SessionInfo lastSessionInfo() {
        return lastSessionInfo;
    }

    /** Runs the exchange to its end; an I/O, TLS or HTTP failure is an IOException. */
    void run(CpeExchange exchange) throws IOException, SessionFailedException {
        String target = acsUrl.getRawPath() == null || acsUrl.getRawPath().isEmpty() ? "/" : acsUrl.getRawPath();
        HttpHost host = new HttpHost("https", acsUrl.getHost(), acsUrl.getPort() < 0 ? 443 : acsUrl.getPort());
        HttpRequestExecutor executor = new HttpRequestExecutor();
        Map<String, String> cookies = new LinkedHashMap<>();
        AuthParams challenge = null;
        int nonceCount = 0;
        boolean authRetried = false;
        DefaultBHttpClientConnection connection = null;
        try {
            byte[] body = exchange.firstRequest();
            while (body != null) {
                if (connection == null || !connection.isOpen()) {
                    connection = connect(host);
                }
                BasicClassicHttpRequest post = new BasicClassicHttpRequest(Method.POST, host, target);
                // TR-069 §3.4.5: an empty POST has Content-Length 0 (no Content-Type needed)
                post.setEntity(body.length == 0 ? new ByteArrayEntity(body, null) : new ByteArrayEntity(body, SOAP));
                if (!cookies.isEmpty()) {
                    post.setHeader(HttpHeaders.COOKIE, cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
                }
                if (challenge != null) {
                    post.setHeader(HttpHeaders.AUTHORIZATION, authorization(challenge, target, ++nonceCount));
                }
                HttpCoreContext context = HttpCoreContext.create();
                executor.preProcess(post, PROCESSOR, context);
                int status;
                byte[] responseBody;
                try (ClassicHttpResponse response = executor.execute(post, connection, context)) {
                    executor.postProcess(response, PROCESSOR, context);
                    status = response.getCode();
                    responseBody = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                    for (var header : response.getHeaders(HttpHeaders.SET_COOKIE)) {
                        String[] nv = header.getValue().split(";", 2)[0].strip().split("=", 2);
                        if (nv.length == 2 && !nv[0].isEmpty()) {
                            cookies.put(nv[0], nv[1]);
                        }
                    }
                    if (status == HttpStatus.SC_UNAUTHORIZED && username != null && !authRetried) {
                        challenge = pickChallenge(response);
                        if (challenge != null) {
                            authRetried = true; // answer one challenge; a second 401 goes to the session logic
                            nonceCount = 0;
                            if (!executor.keepAlive(post, response, connection, context)) {
                                connection.close();
                            }
                            continue; // the same body again, with Authorization
                        }
                    }
                    if (!executor.keepAlive(post, response, connection, context)) {
                        connection.close();
                    }
                }
                try {
                    body = exchange.onResponse(status, responseBody);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SessionFailedException(e);
                }
            }
        } catch (HttpException e) {
            throw new IOException("HTTP error talking to " + acsUrl + ": " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                connection.close(CloseMode.GRACEFUL); // closes the TlsSocket: close_notify
            }
        }
    }

    private DefaultBHttpClientConnection connect(HttpHost host) throws IOException {
        TlsSocket socket = TlsSocket.connect(host.getHostName(), host.getPort(), tls);
        try {
            socket.socket().setSoTimeout(60_000);
            socket.startHandshake();
            lastSessionInfo = socket.session();
            DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
            connection.bind(new TlsBoundSocket(socket));
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.socket().close();
            throw e;
        }
    }

    /** Digest if the ACS offers it, else Basic (TR-069 §3.4.4: Basic only over TLS, which this always is). */
    private static AuthParams pickChallenge(ClassicHttpResponse response) {
        AuthParams basic = null;
        for (var header : response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)) {
            AuthParams params = AuthParams.parse(header.getValue()).orElse(null);
            if (params != null && params.isScheme("Digest")) {
                return params;
            }
            if (params != null && params.isScheme("Basic")) {
                basic = params;
            }
        }
        return basic;
    }

    private String authorization(AuthParams challenge, String target, int nonceCount) {
        if (challenge.isScheme("Basic")) {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        String cnonce = HexFormat.of().formatHex(random.nextBytes(8));
        return HttpDigest.authorization(challenge, Method.POST.name(), target, username, password, cnonce, nonceCount);
    }

    /** The session logic refused what the ACS sent (the CWMP error is the cause). */
    public static final class SessionFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        SessionFailedException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
