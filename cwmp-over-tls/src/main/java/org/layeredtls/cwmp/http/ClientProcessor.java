package org.layeredtls.cwmp.http;

import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;

/**
 * The request interceptors of our HTTP clients: Content-Length, Host and User-Agent, and no
 * {@code Expect: 100-continue} (HttpCore's default client adds it, which splits every CWMP POST
 * into a head, a {@code 100 Continue} and a body: legal, but not what CPEs send).
 */
final class ClientProcessor {

    private ClientProcessor() {
    }

    static HttpProcessor of(String userAgent) {
        return HttpProcessorBuilder.create().addAll(new RequestContent(), new RequestTargetHost(),
                new RequestUserAgent(userAgent)).build();
    }
}
