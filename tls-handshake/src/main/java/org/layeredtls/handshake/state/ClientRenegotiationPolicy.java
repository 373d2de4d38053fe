package org.layeredtls.handshake.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

import org.layeredtls.handshake.api.TlsConfig;

/**
 * Whether a server accepts one more renegotiation started by the client. Off by default
 * ({@code TlsConfig.clientRenegotiation}), as in OpenSSL 3: a renegotiating ClientHello is
 * answered with a warning {@code no_renegotiation} (RFC 5246 §7.2.2, RFC 5746 §4.4). When on,
 * at most {@code clientRenegotiationLimit} are accepted per {@code clientRenegotiationWindow}
 * on a connection: each costs the server a full handshake's public-key operations, so an
 * unbounded stream of them is a cheap way to burn its CPU. One more gets the same warning as a
 * refused one, and the connection goes on (a fatal alert would punish a client for asking,
 * where the RFC's answer to an unwanted renegotiation is the warning).
 */
final class ClientRenegotiationPolicy {

    private final boolean allowed;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ArrayDeque<Instant> accepted = new ArrayDeque<>();

    ClientRenegotiationPolicy(TlsConfig config) {
        this.allowed = config.allowRenegotiation() && config.clientRenegotiation();
        this.limit = config.clientRenegotiationLimit();
        this.window = config.clientRenegotiationWindow();
        this.clock = config.clock();
    }

    /** Whether to accept this renegotiation now; an accepted one is counted. */
    boolean accept() {
        if (!allowed) {
            return false;
        }
        Instant now = clock.instant();
        while (!accepted.isEmpty() && !accepted.peekFirst().plus(window).isAfter(now)) {
            accepted.pollFirst();
        }
        if (accepted.size() >= limit) {
            return false;
        }
        accepted.addLast(now);
        return true;
    }
}
