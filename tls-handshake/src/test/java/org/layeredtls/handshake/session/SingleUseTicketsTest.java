package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 8446 §8.1 single-use tickets: each ticket carries 0-RTT data once, remembered until it expires, in bounded memory. */
class SingleUseTicketsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofHours(2));

    @Test
    void aTicketIsTakenOnceAndItsCopyIsRefused() {
        SingleUseTickets tickets = new SingleUseTickets(10);
        byte[] ticket = {1, 2, 3};
        assertTrue(tickets.firstUse(ticket, NOW, EXPIRY));
        assertFalse(tickets.firstUse(ticket.clone(), NOW.plusSeconds(1), EXPIRY));
        assertTrue(tickets.firstUse(new byte[] {1, 2, 4}, NOW, EXPIRY));
    }

    @Test
    void anExpiredTicketIsForgottenAndAFullMemoryRefusesRatherThanRiskAReplay() {
        SingleUseTickets tickets = new SingleUseTickets(1);
        assertTrue(tickets.firstUse(new byte[] {1}, NOW, EXPIRY));
        assertFalse(tickets.firstUse(new byte[] {2}, NOW, EXPIRY), "full: refused");
        assertTrue(tickets.firstUse(new byte[] {2}, EXPIRY, EXPIRY.plusSeconds(60)), "the first one expired and went");
        assertEquals(1, tickets.size());
        assertFalse(new SingleUseTickets(0).firstUse(new byte[] {3}, NOW, EXPIRY));
    }
}
