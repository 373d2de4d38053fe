package org.layeredtls.cwmp.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A test ACS endpoint that answers the Inform, then ends the session with 204. */
final class InformOnlyEndpoint {

    static final SoapEndpoint ENDPOINT = identity -> new SoapEndpoint.Session() {
        int posts;

        @Override
        public byte[] onPost(byte[] body) {
            return ++posts == 1 ? "InformResponse".getBytes(StandardCharsets.UTF_8) : null;
        }

        @Override
        public Optional<String> deviceId() {
            return Optional.ofNullable(identity);
        }

        @Override
        public boolean isOver() {
            return posts >= 2;
        }
    };

    private InformOnlyEndpoint() {
    }
}
