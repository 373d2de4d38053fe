package org.layeredtls.handshake.session;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a client keeps to resume with one server: the session (its id, for RFC 5246 §7.4.1.2 resumption)
 * and, when the server issued one, the opaque session ticket with its lifetime hint (RFC 5077 §3.3).
 *
 * @param state the session
 * @param ticket the ticket bytes to send in the SessionTicket extension, or null when there is none
 * @param ticketLifetimeHintSeconds the server's hint, 0 meaning unspecified (RFC 5077 §3.3)
 * @param ticketAgeAdd TLS 1.3: the ticket's ticket_age_add, which obfuscates the age the client reports
 *                     (RFC 8446 §4.6.1, §4.2.11.1); 0 for TLS 1.2 tickets
 * @param maxEarlyDataSize TLS 1.3: the 0-RTT bytes the server accepts with this ticket (its early_data
 *                         extension, RFC 8446 §4.6.1); 0 when it allows none
 */
public record ClientSession(SessionState state, byte[] ticket, long ticketLifetimeHintSeconds, long ticketAgeAdd,
                            long maxEarlyDataSize) {

    /** A session with a TLS 1.3 ticket that allows no early data. */
    public ClientSession(SessionState state, byte[] ticket, long ticketLifetimeHintSeconds, long ticketAgeAdd) {
        this(state, ticket, ticketLifetimeHintSeconds, ticketAgeAdd, 0);
    }

    /** A session, with a TLS 1.2 ticket (or none). */
    public ClientSession(SessionState state, byte[] ticket, long ticketLifetimeHintSeconds) {
        this(state, ticket, ticketLifetimeHintSeconds, 0, 0);
    }

    public ClientSession {
        Objects.requireNonNull(state, "state");
        if (ticketLifetimeHintSeconds < 0 || ticketLifetimeHintSeconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("the lifetime hint is a uint32: " + ticketLifetimeHintSeconds);
        }
        ticket = ticket == null ? null : ticket.clone();
    }

    /** A session resumable by its id only. */
    public static ClientSession withoutTicket(SessionState state) {
        return new ClientSession(state, null, 0);
    }

    /** A copy of the ticket, or null. */
    @Override
    public byte[] ticket() {
        return ticket == null ? null : ticket.clone();
    }

    /** Whether a ticket came with this session. */
    public boolean hasTicket() {
        return ticket != null;
    }

    /** An independent copy: wiping its state leaves this one intact. */
    public ClientSession copy() {
        return new ClientSession(state.copy(), ticket, ticketLifetimeHintSeconds, ticketAgeAdd, maxEarlyDataSize);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientSession that && state.equals(that.state)
                && Arrays.equals(ticket, that.ticket) && ticketLifetimeHintSeconds == that.ticketLifetimeHintSeconds
                && ticketAgeAdd == that.ticketAgeAdd && maxEarlyDataSize == that.maxEarlyDataSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, Arrays.hashCode(ticket), ticketLifetimeHintSeconds, ticketAgeAdd, maxEarlyDataSize);
    }

    @Override
    public String toString() {
        return "ClientSession[" + state + ", ticket=" + (ticket == null ? "none" : ticket.length + " bytes")
                + ", ticketLifetimeHintSeconds=" + ticketLifetimeHintSeconds + "]";
    }
}
