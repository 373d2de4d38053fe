package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.testing.MutableClock;

class TicketProtectorProperties {

    private final MutableClock clock = new MutableClock(Sessions.T0);
    private final TicketProtector protector = new TicketProtector(DeterministicRandomSource.fromLabel("properties"),
            clock, Duration.ofHours(1), Duration.ofHours(2), CryptoProvider.defaultProvider());
    private final byte[] ticket = protector.protect(Sessions.session(Sessions.id(3), Sessions.T0, Duration.ofDays(1)));

    @Property
    void arbitraryBytesNeverOpenAndNeverThrow(@ForAll byte[] garbage) {
        assertTrue(protector.unprotect(garbage).isEmpty());
        protector.shouldRenew(garbage);
    }

    @Property(tries = 300)
    void garbageAfterAValidKeyNameNeverOpensAndNeverThrows(@ForAll byte[] garbage) {
        byte[] forged = new byte[16 + garbage.length];
        System.arraycopy(ticket, 0, forged, 0, 16);
        System.arraycopy(garbage, 0, forged, 16, garbage.length);
        assertTrue(protector.unprotect(forged).isEmpty());
    }

    @Property(tries = 300)
    void anyChangedByteMakesTheTicketFail(@ForAll @IntRange(min = 0, max = 100_000) int position,
                                          @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] altered = ticket.clone();
        altered[position % altered.length] ^= (byte) xor;
        assertTrue(protector.unprotect(altered).isEmpty());
    }

    @Property(tries = 50)
    void theIntactTicketStillOpens(@ForAll @IntRange(min = 0, max = 3599) int seconds) {
        clock.set(Sessions.T0.plusSeconds(seconds));
        assertEquals(Sessions.id(3).length, protector.unprotect(ticket).orElseThrow().sessionId().length);
    }
}
