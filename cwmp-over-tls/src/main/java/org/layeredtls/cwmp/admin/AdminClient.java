package org.layeredtls.cwmp.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.bootstrap.RequesterBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/** A client of the admin API (HttpCore 5's classic requester): what {@code acs-admin} calls. */
public final class AdminClient implements AutoCloseable {

    /** An answer of the API: its HTTP status and JSON body. */
    public record Answer(int status, JsonNode body) {
        /** The API's error message, if it sent one. */
        public String error() {
            return body.path("error").asText("HTTP " + status);
        }
    }

    private final HttpHost host;
    private final AdminToken token;
    private final Timeout timeout;
    private final HttpRequester requester;
    private final ObjectMapper mapper = new ObjectMapper();

    /** A client of the API at {@code base} (e.g. {@code http://127.0.0.1:7557}); {@code timeout} bounds each call. */
    public AdminClient(URI base, AdminToken token, Duration timeout) {
        this.host = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
        this.token = token;
        this.timeout = Timeout.of(timeout);
        this.requester = RequesterBootstrap.bootstrap()
                .setSocketConfig(SocketConfig.custom().setSoTimeout(this.timeout).build()).create();
    }

    /** GET {@code path} (from the root, query included). */
    public Answer get(String path) throws IOException {
        return call(Method.GET, path, null);
    }

    /** POST {@code json} to {@code path}. */
    public Answer post(String path, JsonNode json) throws IOException {
        return call(Method.POST, path, json);
    }

    /** {@code /devices/<id>} with the id percent-encoded as one path segment. */
    public static String devicePath(String deviceId) {
        return "/devices/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer call(Method method, String path, JsonNode json) throws IOException {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, host, path);
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.value());
        request.setHeader(HttpHeaders.ACCEPT, ContentType.APPLICATION_JSON.getMimeType());
        if (json != null) {
            request.setEntity(new StringEntity(mapper.writeValueAsString(json), ContentType.APPLICATION_JSON));
        }
        try (ClassicHttpResponse response = requester.execute(host, request, timeout, HttpCoreContext.create())) {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Answer(response.getCode(), body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body));
        } catch (HttpException e) {
            throw new IOException("admin API at " + host + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        requester.close(CloseMode.GRACEFUL);
    }
}
