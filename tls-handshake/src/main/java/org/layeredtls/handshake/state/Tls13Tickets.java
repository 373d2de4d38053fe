package org.layeredtls.handshake.state;

import java.io.IOException;

import org.layeredtls.handshake.message.Tls13NewSessionTicket;

/**
 * TLS 1.3 session tickets (RFC 8446 §4.6.1): a server's NewSessionTicket messages after the handshake,
 * and a client's keeping of them for a PSK resumption.
 */
final class Tls13Tickets {

    private Tls13Tickets() {
    }

    /** Server, after the client's Finished: {@link org.layeredtls.handshake.api.TlsConfig#tls13TicketCount()} tickets. */
    static void send(HandshakeContext context, Tls13Handshake tls13) throws IOException {
        // resumption comes next: no tickets are issued yet
    }

    /** Client: a ticket for a later connection to this server. */
    static void received(Connection connection, Tls13Secrets secrets, Tls13NewSessionTicket ticket) {
        // resumption comes next: tickets are accepted and not kept yet
    }
}
