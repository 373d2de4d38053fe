package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.testing.MutableClock;

class InMemoryClientSessionStoreTest {

    private final MutableClock clock = new MutableClock(Sessions.T0);
    private final InMemoryClientSessionStore store = new InMemoryClientSessionStore(2, clock);

    private static ClientSession withTicket(int id) {
        return new ClientSession(Sessions.session(id, Sessions.T0, Duration.ofHours(1)), new byte[] {1, 2, 3}, 7200);
    }

    @Test
    void keepsTheSessionTicketAndHintPerPeer() {
        store.put("acs.example:443", withTicket(1));
        store.put("other.example:443", ClientSession.withoutTicket(Sessions.session(2, Sessions.T0, Duration.ofHours(1))));
        ClientSession acs = store.get("acs.example:443").orElseThrow();
        assertEquals(withTicket(1), acs);
        assertArrayEquals(new byte[] {1, 2, 3}, acs.ticket());
        assertEquals(7200, acs.ticketLifetimeHintSeconds());
        ClientSession other = store.get("other.example:443").orElseThrow();
        assertFalse(other.hasTicket());
        assertNull(other.ticket());
        assertTrue(store.get("unknown:443").isEmpty());
    }

    @Test
    void aNewSessionForAPeerReplacesTheOldOne() {
        store.put("p", withTicket(1));
        store.put("p", withTicket(2));
        assertEquals(1, store.size());
        assertArrayEquals(Sessions.id(2), store.get("p").orElseThrow().state().sessionId());
    }

    @Test
    void removeForgetsThePeer() {
        store.put("p", withTicket(1));
        store.remove("p");
        assertTrue(store.get("p").isEmpty());
        store.remove("never-there");
    }

    @Test
    void evictsTheLeastRecentlyUsedPeerAtTheBound() {
        store.put("a", withTicket(1));
        store.put("b", withTicket(2));
        store.get("a");
        store.put("c", withTicket(3));
        assertTrue(store.get("b").isEmpty());
        assertTrue(store.get("a").isPresent());
        assertTrue(store.get("c").isPresent());
    }

    @Test
    void dropsASessionWhoseLifetimeHasEnded() {
        store.put("p", withTicket(1));
        clock.advance(Duration.ofHours(1));
        assertTrue(store.get("p").isEmpty());
        assertEquals(0, store.size());
    }

    @Test
    void handsOutCopiesSoWipingOneLeavesTheStoredSessionIntact() {
        store.put("p", withTicket(1));
        ClientSession got = store.get("p").orElseThrow();
        got.state().wipe();
        got.ticket()[0] = 9;
        assertEquals(withTicket(1), store.get("p").orElseThrow());
    }

    @Test
    void toStringShowsNeitherTheTicketNorTheMasterSecret() {
        String text = withTicket(1).toString();
        assertTrue(text.contains("3 bytes"), text);
        assertFalse(text.contains("masterSecret="), text);
    }

    @Test
    void rejectsALifetimeHintOutsideUint32() {
        var state = Sessions.session(1, Sessions.T0, Duration.ofHours(1));
        assertThrows(IllegalArgumentException.class, () -> new ClientSession(state, null, -1));
        assertThrows(IllegalArgumentException.class, () -> new ClientSession(state, null, 1L << 32));
    }
}
