package org.layeredtls.handshake.session;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A server's anti-replay defence for TLS 1.3 0-RTT data (RFC 8446 §8.1, "Single-Use Tickets"): each
 * ticket carries early data once. The server remembers every ticket that has, until the ticket expires
 * (a replay after that fails the ticket's own lifetime check). A replayed ClientHello finds its ticket
 * here: its early data is rejected, and the handshake goes on in one round trip, which the attacker,
 * who has no keys, cannot finish.
 *
 * <p>The memory is bounded: when it is full, early data is refused (never a replay risked to save
 * memory). One instance is shared by every connection of a server: {@link
 * org.layeredtls.handshake.api.TlsConfig#earlyDataTickets()}. Stateless tickets otherwise stay stateless:
 * only those that carried early data are remembered.
 */
public final class SingleUseTickets {

    private final int capacity;
    private final Map<ByteBuffer, Instant> used = new HashMap<>(); // ticket -> when it expires

    /** @param capacity how many tickets may be remembered at once; 0 refuses all early data */
    public SingleUseTickets(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the capacity may not be negative, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Whether {@code ticket} carries early data for the first time (it is then remembered until
     * {@code expiry}); false for a ticket seen before, or when the memory is full.
     */
    public synchronized boolean firstUse(byte[] ticket, Instant now, Instant expiry) {
        used.values().removeIf(expires -> !expires.isAfter(now)); // expired tickets are refused anyway
        ByteBuffer key = ByteBuffer.wrap(ticket.clone());
        if (used.containsKey(key) || used.size() >= capacity) {
            return false;
        }
        used.put(key, expiry);
        return true;
    }

    /** How many tickets are remembered now. */
    public synchronized int size() {
        return used.size();
    }
}
