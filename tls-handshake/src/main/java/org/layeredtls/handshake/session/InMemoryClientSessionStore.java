package org.layeredtls.handshake.session;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded, thread-safe {@link ClientSessionStore} in memory: at most {@code maxEntries} peers, the
 * least recently used forgotten first. A session whose lifetime has ended is dropped when asked for.
 * Forgotten sessions have their master secret wiped.
 */
public final class InMemoryClientSessionStore implements ClientSessionStore {

    private final int maxEntries;
    private final Clock clock;
    /** Access order: iteration starts at the least recently used peer. Guarded by {@code this}. */
    private final LinkedHashMap<String, ClientSession> sessions = new LinkedHashMap<>(16, 0.75f, true);

    /** A store on the system clock. */
    public InMemoryClientSessionStore(int maxEntries) {
        this(maxEntries, Clock.systemUTC());
    }

    public InMemoryClientSessionStore(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void put(String peer, ClientSession session) {
        Objects.requireNonNull(peer, "peer");
        ClientSession copy = session.copy();
        synchronized (this) {
            ClientSession previous = sessions.put(peer, copy);
            if (previous != null) {
                previous.state().wipe();
            }
            while (sessions.size() > maxEntries) {
                Iterator<Map.Entry<String, ClientSession>> eldest = sessions.entrySet().iterator();
                eldest.next().getValue().state().wipe();
                eldest.remove();
            }
        }
    }

    @Override
    public Optional<ClientSession> get(String peer) {
        synchronized (this) {
            ClientSession session = sessions.get(peer);
            if (session == null) {
                return Optional.empty();
            }
            if (!session.state().isValidAt(clock.instant())) {
                sessions.remove(peer);
                session.state().wipe();
                return Optional.empty();
            }
            return Optional.of(session.copy());
        }
    }

    @Override
    public void remove(String peer) {
        synchronized (this) {
            ClientSession session = sessions.remove(peer);
            if (session != null) {
                session.state().wipe();
            }
        }
    }

    /** How many peers have a session stored. */
    public synchronized int size() {
        return sessions.size();
    }

    @Override
    public String toString() {
        return "InMemoryClientSessionStore[maxEntries=" + maxEntries + ", size=" + size() + "]";
    }
}
