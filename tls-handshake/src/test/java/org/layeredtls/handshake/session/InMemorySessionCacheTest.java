package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.testing.MutableClock;

class InMemorySessionCacheTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(Sessions.T0);
    private final InMemorySessionCache cache = new InMemorySessionCache(3, HOUR, clock);

    @Test
    void findsASessionByTheContentOfItsIdNotTheArrayInstance() {
        cache.put(Sessions.session(1, Sessions.T0, Duration.ofDays(1)));
        Optional<SessionState> found = cache.get(Sessions.id(1).clone());
        assertTrue(found.isPresent());
        assertArrayEquals(Sessions.id(1), found.get().sessionId());
        assertEquals(Sessions.session(1, Sessions.T0, Duration.ofDays(1)), found.get());
    }

    @Test
    void unknownIdsAndTheEmptyIdFindNothing() {
        cache.put(Sessions.session(1, Sessions.T0, Duration.ofDays(1)));
        assertTrue(cache.get(Sessions.id(2)).isEmpty());
        assertTrue(cache.get(new byte[0]).isEmpty());
    }

    @Test
    void ignoresSessionsWithAnEmptyId() {
        cache.put(Sessions.session(new byte[0], Sessions.T0, Duration.ofDays(1)));
        assertEquals(0, cache.size());
    }

    @Test
    void evictsTheLeastRecentlyUsedSessionAtTheBound() {
        cache.put(Sessions.session(1, Sessions.T0, Duration.ofDays(1)));
        cache.put(Sessions.session(2, Sessions.T0, Duration.ofDays(1)));
        cache.put(Sessions.session(3, Sessions.T0, Duration.ofDays(1)));
        assertTrue(cache.get(Sessions.id(1)).isPresent()); // 1 is now the most recently used
        cache.put(Sessions.session(4, Sessions.T0, Duration.ofDays(1)));
        assertEquals(3, cache.size());
        assertTrue(cache.get(Sessions.id(2)).isEmpty(), "2 was the least recently used");
        assertTrue(cache.get(Sessions.id(1)).isPresent());
        assertTrue(cache.get(Sessions.id(3)).isPresent());
        assertTrue(cache.get(Sessions.id(4)).isPresent());
    }

    @Test
    void replacingASessionUnderTheSameIdKeepsOneEntry() {
        cache.put(Sessions.session(1, Sessions.T0, Duration.ofDays(1)));
        cache.put(Sessions.session(1, Sessions.T0, Duration.ofDays(2)));
        assertEquals(1, cache.size());
        assertEquals(Duration.ofDays(2), cache.get(Sessions.id(1)).orElseThrow().lifetime());
    }

    @Test
    void entriesExpireAfterTheCacheLifetimeAndAreDropped() {
        cache.put(Sessions.session(1, Sessions.T0, Duration.ofDays(1)));
        clock.advance(HOUR.minusNanos(1));
        assertTrue(cache.get(Sessions.id(1)).isPresent());
        clock.advance(Duration.ofNanos(1));
        assertTrue(cache.get(Sessions.id(1)).isEmpty());
        assertEquals(0, cache.size());
    }

    @Test
    void entriesExpireWhenTheSessionLifetimeEndsBeforeTheCacheLifetime() {
        cache.put(Sessions.session(1, Sessions.T0, Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        assertTrue(cache.get(Sessions.id(1)).isEmpty());
        assertEquals(0, cache.size());
    }

    @Test
    void invalidateForgetsTheSession() {
        cache.put(Sessions.session(1, Sessions.T0, Duration.ofDays(1)));
        cache.put(Sessions.session(2, Sessions.T0, Duration.ofDays(1)));
        cache.invalidate(Sessions.id(1).clone());
        assertTrue(cache.get(Sessions.id(1)).isEmpty());
        assertTrue(cache.get(Sessions.id(2)).isPresent());
        assertEquals(1, cache.size());
        cache.invalidate(Sessions.id(9)); // unknown: nothing happens
        assertEquals(1, cache.size());
    }

    @Test
    void callersWipingWhatTheyPutOrGotDoNotWipeTheCachedSession() {
        SessionState original = Sessions.session(1, Sessions.T0, Duration.ofDays(1));
        byte[] masterSecret = original.masterSecret();
        cache.put(original);
        original.wipe();
        cache.get(Sessions.id(1)).orElseThrow().wipe();
        assertArrayEquals(masterSecret, cache.get(Sessions.id(1)).orElseThrow().masterSecret());
    }

    @Test
    void severalThreadsPuttingGettingAndInvalidatingKeepTheBound() throws Exception {
        InMemorySessionCache shared = new InMemorySessionCache(50, HOUR, clock);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int hits = 0;
                    for (int i = 0; i < 2_000; i++) {
                        int id = thread * 10_000 + i % 40;
                        shared.put(Sessions.session(id, Sessions.T0, Duration.ofDays(1)));
                        Optional<SessionState> got = shared.get(Sessions.id(id));
                        if (got.isPresent()) {
                            assertArrayEquals(Sessions.id(id), got.get().sessionId());
                            hits++;
                        }
                        if (i % 7 == 0) {
                            shared.invalidate(Sessions.id(id));
                        }
                        assertTrue(shared.size() <= 50);
                    }
                    return hits;
                }));
            }
            start.countDown();
            int hits = 0;
            for (Future<Integer> result : results) {
                hits += result.get(60, TimeUnit.SECONDS);
            }
            assertTrue(hits > 0);
            assertTrue(shared.size() <= 50);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
