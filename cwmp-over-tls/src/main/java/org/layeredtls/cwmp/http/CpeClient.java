package org.layeredtls.cwmp.http;

import java.io.IOException;
import java.net.InetSocketAddress;
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
import org.layeredtls.handshake.session.InMemoryClientSessionStore;

/**
 * The CPE's HTTP client for one CWMP session (TR-069 §3.4): POSTs to the ACS URL over our
 * {@link TlsSocket} (SNI and the certificate name check use the URL's host; the chain is checked
 * against the configured root; the CPE's certificate answers a CertificateRequest), one
 * persistent HTTP/1.1 connection, {@code text/xml; charset="utf-8"}, an empty POST with
 * {@code Content-Length: 0}, the ACS's cookies sent back, and a {@code 401} answered once with
 * Digest (preferred) or Basic when credentials are configured. The connection ends with
 * close_notify in both directions: after ours the client reads until the ACS's answering
 * close_notify (bounded by {@link #CLOSE_WAIT_MILLIS}). The client keeps a
 * {@code ClientSessionStore} across its sessions, so the next CWMP session to the same ACS resumes
 * the TLS session (RFC 5246 §7.3 abbreviated handshake, or an RFC 5077 ticket).
 */
public final class CpeClient {

    private static final ContentType SOAP = ContentType.parse("text/xml; charset=\"utf-8\"");
    private static final HttpProcessor PROCESSOR = ClientProcessor.of("LayeredTLS-CPE");
    /** How long to wait for the ACS's close_notify after ours. */
    static final int CLOSE_WAIT_MILLIS = 2_000;

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
        TlsConfig.Builder builder = tls.toBuilder();
        if (tls.serverName() == null) {
            builder.serverName(acsUrl.getHost()); // SNI and the certificate name check use the URL host
        }
        if (tls.clientSessionStore() == null) {
            builder.clientSessionStore(new InMemoryClientSessionStore(4)); // kept across CWMP sessions: resumption
        }
        this.tls = builder.build();
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
        Link link = null;
        try {
            byte[] body = exchange.firstRequest();
            while (body != null) {
                if (link == null || !link.http().isOpen()) {
                    if (link != null) {
                        link.close(); // the ACS closed between requests: finish that one, open another
                    }
                    link = connect(host);
                }
                DefaultBHttpClientConnection connection = link.http();
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
            if (link != null) {
                link.close();
            }
        }
    }

    /** One TCP + TLS + HTTP connection to the ACS. */
    private record Link(DefaultBHttpClientConnection http, TlsSocket tls, ClosingSocket tcp) {
        /** RFC 5246 §7.2.1: our close_notify, then the ACS's answering one is read before the socket closes. */
        void close() {
            try {
                http.close(CloseMode.GRACEFUL); // closes the TlsSocket: our close_notify, then a half-close
            } finally {
                tcp.finishClose(tls, CLOSE_WAIT_MILLIS);
            }
        }
    }

    private Link connect(HttpHost host) throws IOException {
        ClosingSocket tcp = new ClosingSocket();
        try {
            tcp.connect(new InetSocketAddress(host.getHostName(), host.getPort()), 30_000);
            tcp.setSoTimeout(60_000);
            TlsSocket socket = TlsSocket.client(tcp, tls);
            socket.startHandshake();
            lastSessionInfo = socket.session();
            DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
            connection.bind(new TlsBoundSocket(socket));
            return new Link(connection, socket, tcp);
        } catch (IOException | RuntimeException e) {
            tcp.finishClose(null, 0); // a failed handshake: nothing more to read
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
