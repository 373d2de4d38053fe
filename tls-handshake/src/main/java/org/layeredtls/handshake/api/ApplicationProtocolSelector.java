package org.layeredtls.handshake.api;

import java.util.List;

/**
 * A server's choice of application protocol (RFC 7301 §3.2) made by code instead of from
 * {@link TlsConfig#alpn()}: what JSSE's {@code setHandshakeApplicationProtocolSelector} plugs in.
 */
@FunctionalInterface
public interface ApplicationProtocolSelector {

    /**
     * Chooses among the protocols the client offered, in its order.
     *
     * @return one of {@code offered}; the empty string for no ALPN in this connection (the ServerHello
     *         carries no ALPN extension); null, or a protocol the client did not offer, ends the handshake
     *         with no_application_protocol
     */
    String select(List<String> offered);
}
