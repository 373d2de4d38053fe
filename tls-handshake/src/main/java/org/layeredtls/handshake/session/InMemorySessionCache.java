package org.layeredtls.handshake.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded, thread-safe {@link SessionCache} in memory: at most {@code maxEntries} sessions, the least
 * recently used evicted first, each forgotten {@code lifetime} after it was stored (or sooner, when the
 * session's own lifetime ends first). Evicted, expired and invalidated sessions have their master secret
 * wiped.
 *
 * <p>One lock guards the map: lookups are short and a TLS server spends its time elsewhere.
 */
public final class InMemorySessionCache implements SessionCache {

    private record Entry(SessionState session, Instant expiry) {
    }

    private final int maxEntries;
    private final Duration lifetime;
    private final Clock clock;
    /** Access order: iteration starts at the least recently used entry. Guarded by {@code this}. */
    private final LinkedHashMap<SessionId, Entry> entries;

    /** A cache on the system clock. */
    public InMemorySessionCache(int maxEntries, Duration lifetime) {
        this(maxEntries, lifetime, Clock.systemUTC());
    }

    public InMemorySessionCache(int maxEntries, Duration lifetime, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
        this.maxEntries = maxEntries;
        this.lifetime = lifetime;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    public void put(SessionState session) {
        byte[] id = session.sessionId();
        if (id.length == 0) {
            return; // RFC 5246 §7.4.1.2: an empty session id means the session will not be cached
        }
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        Entry entry = new Entry(session.copy(), expiry);
        synchronized (this) {
            Entry previous = entries.put(new SessionId(id), entry);
            if (previous != null) {
                previous.session().wipe();
            }
            while (entries.size() > maxEntries) {
                Iterator<Map.Entry<SessionId, Entry>> eldest = entries.entrySet().iterator();
                eldest.next().getValue().session().wipe();
                eldest.remove();
            }
        }
    }

    @Override
    public Optional<SessionState> get(byte[] sessionId) {
        if (sessionId.length == 0) {
            return Optional.empty();
        }
        SessionId key = new SessionId(sessionId);
        Instant now = clock.instant();
        synchronized (this) {
            Entry entry = entries.get(key); // also marks it most recently used
            if (entry == null) {
                return Optional.empty();
            }
            if (!now.isBefore(entry.expiry()) || !entry.session().isValidAt(now)) {
                entries.remove(key);
                entry.session().wipe();
                return Optional.empty();
            }
            return Optional.of(entry.session().copy());
        }
    }

    @Override
    public void invalidate(byte[] sessionId) {
        synchronized (this) {
            Entry entry = entries.remove(new SessionId(sessionId));
            if (entry != null) {
                entry.session().wipe();
            }
        }
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "InMemorySessionCache[maxEntries=" + maxEntries + ", lifetime=" + lifetime + ", size=" + size() + "]";
    }
}
