package org.layeredtls.handshake.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.testing.MutableClock;
import org.layeredtls.record.ProtocolVersion;

/**
 * The ticket age (RFC 8446 §4.2.11, §8.3): our client reports the time since it received the ticket,
 * obfuscated with the ticket's ticket_age_add; our server takes the ticket only if that age is within
 * {@code TlsConfig.ticketAgeTolerance} of the time since it issued it, and not past the ticket's lifetime;
 * otherwise it makes a full handshake (no alert). Each side has its own clock, moved by hand.
 */
class Tls13TicketAgeTest {

    private static final Instant START = Instant.now(); // within the test certificates' validity
    private static final Duration LIFETIME = Duration.ofHours(2);

    private final MutableClock clientClock = new MutableClock(START);
    private final MutableClock serverClock = new MutableClock(START);
    private final TlsConfig client = Pki.client().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
            .clientSessionStore(new InMemoryClientSessionStore(4)).clock(clientClock).build();
    private final TlsConfig server = Pki.server().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3).clock(serverClock)
            .ticketProtector(new TicketProtector(new SecureRandomSource(), serverClock, Duration.ofDays(1), LIFETIME,
                    CryptoProvider.defaultProvider()))
            .build();

    /** A first connection that leaves a ticket with the client, issued and received at START. */
    private void firstConnection() throws IOException {
        EnginePair first = TlsEngine.pair(client, server);
        first.handshake();
        first.shuttle();
        assertFalse(first.server().sessionInfo().resumed());
    }

    private boolean secondConnectionResumes() throws IOException {
        EnginePair second = TlsEngine.pair(client, server);
        second.handshake();
        return second.server().sessionInfo().resumed();
    }

    @Test
    void aTicketWhoseAgeBothSidesAgreeOnResumesAnHourLater() throws IOException {
        firstConnection();
        clientClock.advance(Duration.ofHours(1));
        serverClock.advance(Duration.ofHours(1).plusSeconds(3)); // the ticket's flight, the clocks' drift: within 10 s
        assertTrue(secondConnectionResumes(), "the client's obfuscated age, less ticket_age_add, is the server's age");
    }

    @Test
    void aTicketAgeFarFromTheServersMakesAFullHandshake() throws IOException {
        firstConnection();
        clientClock.advance(Duration.ofMinutes(1)); // the client says one minute...
        serverClock.advance(Duration.ofMinutes(30)); // ...the server issued it half an hour ago: a replay, or a wild clock
        assertFalse(secondConnectionResumes());
    }

    @Test
    void theToleranceIsAKnob() throws IOException {
        firstConnection();
        clientClock.advance(Duration.ofMinutes(1));
        serverClock.advance(Duration.ofMinutes(30));
        TlsConfig lenient = server.toBuilder().ticketAgeTolerance(Duration.ofHours(1)).build();
        EnginePair second = TlsEngine.pair(client, lenient);
        second.handshake();
        assertTrue(second.server().sessionInfo().resumed());
    }

    @Test
    void aTicketPastItsLifetimeMakesAFullHandshakeNotAnAlert() throws IOException {
        firstConnection();
        clientClock.advance(Duration.ofMinutes(1)); // the client still offers it...
        serverClock.advance(LIFETIME.plusMinutes(1)); // ...the server issued it longer ago than its lifetime
        assertFalse(secondConnectionResumes());
    }
}
