package org.layeredtls.cwmp.admin;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The admin API over HTTP/1.1 (HttpCore 5's classic server): plain HTTP on its own port, bound to the
 * loopback address unless told otherwise, every request authorised by {@code Authorization: Bearer <token>}
 * (RFC 6750 §2.1); anything else is 401 with {@code WWW-Authenticate: Bearer} (§3). Plain HTTP is why it
 * stays on loopback by default: the token would cross any other network in clear.
 */
public final class AdminServer implements Closeable {

    static final String REALM = "LayeredTLS ACS admin";
    /** The largest request body read (a task is a few hundred bytes). */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** How long a connection may stay silent; longer than the longest wait a request may ask for. */
    private static final Timeout SOCKET_TIMEOUT = Timeout.ofSeconds(AdminApi.MAX_WAIT.toSeconds() + 60);

    private final HttpServer server;
    private final AdminApi api;
    private final AdminToken token;
    private final Consumer<String> debug;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdminServer(AdminApi api, AdminToken token, InetAddress address, int port, Consumer<String> debug) {
        this.api = api;
        this.token = token;
        this.debug = debug == null ? s -> { } : debug;
        this.server = ServerBootstrap.bootstrap()
                .setLocalAddress(address)
                .setListenerPort(port)
                .setSocketConfig(SocketConfig.custom().setSoTimeout(SOCKET_TIMEOUT).build())
                .setExceptionListener(new org.apache.hc.core5.http.ExceptionListener() {
                    @Override
                    public void onError(Exception ex) {
                        AdminServer.this.debug.accept("admin: " + ex);
                    }

                    @Override
                    public void onError(org.apache.hc.core5.http.HttpConnection connection, Exception ex) {
                        AdminServer.this.debug.accept("admin connection: " + ex);
                    }
                })
                // One handler for every request, whatever its Host header says (the API routes by path only).
                .setRequestRouter((request, context) -> this::handle)
                .create();
    }

    /** Starts the API on {@code address:port} (0: an ephemeral port). */
    public static AdminServer start(AdminApi api, AdminToken token, InetAddress address, int port,
                                    Consumer<String> debug) throws IOException {
        AdminServer admin = new AdminServer(api, token, address, port, debug);
        admin.server.start();
        return admin;
    }

    public int getPort() {
        return server.getLocalPort();
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:7557}. */
    public URI url() {
        String host = server.getInetAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + getPort());
    }

    private void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context)
            throws IOException {
        AdminApi.Reply reply;
        var authorization = request.getFirstHeader(HttpHeaders.AUTHORIZATION);
        String presented = authorization == null ? null : bearer(authorization.getValue());
        if (presented == null || !token.matches(presented)) {
            // RFC 6750 §3: no token, or a wrong one (error="invalid_token").
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\""
                    + (presented == null ? "" : ", error=\"invalid_token\""));
            reply = AdminApi.error(401, "a bearer token is required (acs-admin reads it from the ACS's token file)");
        } else if (request.getEntity() != null && request.getEntity().getContentLength() > MAX_BODY_BYTES) {
            reply = AdminApi.error(413, "a request body is at most " + MAX_BODY_BYTES + " bytes");
        } else {
            byte[] body = request.getEntity() == null ? new byte[0]
                    : EntityUtils.toByteArray(request.getEntity(), MAX_BODY_BYTES);
            reply = api.handle(request.getMethod(), request.getRequestUri(), body);
        }
        response.setCode(reply.status());
        response.setEntity(new StringEntity(json(reply), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
    }

    private String json(AdminApi.Reply reply) throws JsonProcessingException {
        return mapper.writeValueAsString(reply.body()) + "\n";
    }

    /** The token of an {@code Authorization: Bearer <token>} value, or null. */
    private static String bearer(String value) {
        String v = value.strip();
        return v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7).strip() : null;
    }

    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
    }
}
