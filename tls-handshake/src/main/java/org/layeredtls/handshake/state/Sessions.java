package org.layeredtls.handshake.state;

import java.time.Duration;

import org.layeredtls.handshake.message.NewSessionTicket;
import org.layeredtls.handshake.session.SessionState;

/** What a finished handshake leaves for resumption: the session state, in a cache or in a ticket. */
final class Sessions {

    /** How long a session may be resumed (OpenSSL's default for TLS 1.2 is 2 hours for tickets). */
    static final Duration SESSION_LIFETIME = Duration.ofHours(2);

    private Sessions() {
    }

    static SessionState stateOf(HandshakeContext context) {
        return new SessionState(context.sessionId, context.version, context.suite, context.compression,
                context.masterSecret, context.extendedMasterSecret, context.peerCertificates, context.serverName,
                context.applicationProtocol, context.config.clock().instant(), SESSION_LIFETIME);
    }

    /** RFC 5077 §3.3: the session state, protected with the server's ticket key. */
    static NewSessionTicket newTicket(HandshakeContext context) {
        var protector = context.config.ticketProtector();
        SessionState state = context.resumed ? context.resumedSession : stateOf(context);
        return new NewSessionTicket(protector.ticketLifetimeHintSeconds(), protector.protect(state));
    }

    /** A server keeps a full handshake's session in its cache, under the session ID it sent. */
    static void remember(HandshakeContext context) {
        var cache = context.config.sessionCache();
        if (cache != null && context.sessionId.length > 0) {
            cache.put(stateOf(context));
        }
    }
}
