package org.layeredtls.handshake.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.testing.MutableClock;

class TicketProtectorTest {

    private static final Duration ROTATION = Duration.ofHours(1);
    private static final Duration TICKET_LIFETIME = Duration.ofHours(2);
    private static final Duration SESSION_LIFETIME = Duration.ofDays(1);

    private final MutableClock clock = new MutableClock(Sessions.T0);
    private final TicketProtector protector = protector("tickets");

    private TicketProtector protector(String seed) {
        return new TicketProtector(DeterministicRandomSource.fromLabel(seed), clock, ROTATION, TICKET_LIFETIME,
                CryptoProvider.defaultProvider());
    }

    private SessionState sessionNow() {
        return Sessions.session(new byte[0], clock.instant(), SESSION_LIFETIME);
    }

    @Test
    void opensWhatItProtected() {
        SessionState session = sessionNow();
        byte[] ticket = protector.protect(session);
        SessionState opened = protector.unprotect(ticket).orElseThrow();
        assertEquals(session, opened);
        assertArrayEquals(session.masterSecret(), opened.masterSecret());
        assertFalse(protector.shouldRenew(ticket));
    }

    @Test
    void ticketLayoutIsKeyNameIvLengthWholeBlocksAndMac() {
        SessionState session = sessionNow();
        int plaintext = session.encode().length;
        int blocks = plaintext / 16 + 1; // PKCS#7 always adds 1..16 bytes
        byte[] ticket = protector.protect(session);
        assertEquals(16 + 16 + 2 + blocks * 16 + 32, ticket.length);
        assertEquals(blocks * 16, ((ticket[32] & 0xFF) << 8) | (ticket[33] & 0xFF));
    }

    @Test
    void twoTicketsForTheSameSessionDifferInIvAndCiphertextButShareTheKeyName() {
        SessionState session = sessionNow();
        byte[] first = protector.protect(session);
        byte[] second = protector.protect(session);
        assertArrayEquals(Arrays.copyOf(first, 16), Arrays.copyOf(second, 16));
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 16, 32), Arrays.copyOfRange(second, 16, 32)));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void aTicketFromAnotherServerHasAnUnknownKeyNameAndDoesNotOpen() {
        byte[] foreign = protector("another server").protect(sessionNow());
        assertTrue(protector.unprotect(foreign).isEmpty());
        assertFalse(protector.shouldRenew(foreign));
    }

    @Test
    void aTicketWithAnotherKeyNameDoesNotOpenEvenWithOtherwiseValidBytes() {
        byte[] ticket = protector.protect(sessionNow());
        ticket[3] ^= 0x40;
        assertTrue(protector.unprotect(ticket).isEmpty());
    }

    @Test
    void everySingleBitFlipAnywhereInTheTicketMakesItFail() {
        byte[] ticket = protector.protect(sessionNow());
        for (int bit = 0; bit < ticket.length * 8; bit++) {
            byte[] flipped = ticket.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertTrue(protector.unprotect(flipped).isEmpty(), "bit " + bit + " flipped");
        }
        assertTrue(protector.unprotect(ticket).isPresent());
    }

    @Test
    void truncatedExtendedEmptyAndNullTicketsFail() {
        byte[] ticket = protector.protect(sessionNow());
        for (int length = 0; length < ticket.length; length += 7) {
            assertTrue(protector.unprotect(Arrays.copyOf(ticket, length)).isEmpty(), "length " + length);
        }
        assertTrue(protector.unprotect(Arrays.copyOf(ticket, ticket.length + 16)).isEmpty());
        assertTrue(protector.unprotect(new byte[0]).isEmpty());
        assertTrue(protector.unprotect(null).isEmpty());
        assertFalse(protector.shouldRenew(null));
    }

    @Test
    void afterRotationAnOldTicketStillOpensAndShouldBeRenewed() {
        SessionState session = sessionNow();
        byte[] old = protector.protect(session);
        clock.advance(ROTATION);
        byte[] fresh = protector.protect(session);
        assertFalse(Arrays.equals(Arrays.copyOf(old, 16), Arrays.copyOf(fresh, 16)), "a new key name after rotation");
        assertEquals(session, protector.unprotect(old).orElseThrow());
        assertTrue(protector.shouldRenew(old));
        assertFalse(protector.shouldRenew(fresh));
        assertEquals(2, protector.acceptedKeySets());
    }

    @Test
    void aRetiredKeyStopsOpeningTicketsOnceTheTicketLifetimeHasPassedSinceItRetired() {
        // the session is dated later than the ticket so that only the key's retirement can reject it
        Instant retirementEnds = Sessions.T0.plus(ROTATION).plus(TICKET_LIFETIME);
        SessionState session = Sessions.session(new byte[0], retirementEnds.minus(Duration.ofMinutes(30)),
                SESSION_LIFETIME);
        byte[] old = protector.protect(session);
        clock.advance(ROTATION);
        assertTrue(protector.shouldRenew(old)); // rotates now: the old key retires at T0 + 1h
        clock.set(retirementEnds.minusNanos(1));
        assertTrue(protector.unprotect(old).isPresent(), "accepted until T0 + 1h + 2h");
        clock.set(retirementEnds);
        assertTrue(protector.unprotect(old).isEmpty());
        assertFalse(protector.shouldRenew(old));
    }

    @Test
    void retiredKeySetsAreDroppedSoTheirNumberStaysBounded() {
        byte[] first = protector.protect(sessionNow());
        for (int hour = 1; hour <= 6; hour++) {
            clock.advance(ROTATION);
            protector.protect(sessionNow());
            // the current set plus those retired less than 2 hours ago: at most 1 + 2h / 1h
            assertTrue(protector.acceptedKeySets() <= 3, "hour " + hour + ": " + protector.acceptedKeySets());
        }
        assertEquals(3, protector.acceptedKeySets());
        assertFalse(protector.shouldRenew(first));
    }

    @Test
    void anExpiredSessionInsideAnAuthenticTicketDoesNotOpen() {
        SessionState shortLived = Sessions.session(new byte[0], clock.instant(), Duration.ofMinutes(10));
        byte[] ticket = protector.protect(shortLived);
        clock.advance(Duration.ofMinutes(10));
        assertTrue(protector.unprotect(ticket).isEmpty());
    }

    @Test
    void aTicketOlderThanTheTicketLifetimeDoesNotOpenEvenIfItsSessionLivesLonger() {
        byte[] ticket = protector.protect(sessionNow());
        clock.advance(TICKET_LIFETIME.minusNanos(1));
        assertTrue(protector.unprotect(ticket).isPresent());
        clock.advance(Duration.ofNanos(1));
        assertTrue(protector.unprotect(ticket).isEmpty());
    }

    @Test
    void aTicketWithABadMacIsNeverDecrypted() {
        CountingCrypto crypto = new CountingCrypto();
        TicketProtector counted = new TicketProtector(DeterministicRandomSource.fromLabel("counted"), clock, ROTATION,
                TICKET_LIFETIME, crypto);
        byte[] ticket = counted.protect(sessionNow());
        byte[] forged = ticket.clone();
        forged[40] ^= 1; // inside encrypted_state
        assertTrue(counted.unprotect(forged).isEmpty());
        assertEquals(0, crypto.decryptions, "RFC 5077 §4: the MAC is verified before anything is decrypted");
        assertTrue(counted.unprotect(ticket).isPresent());
        assertEquals(1, crypto.decryptions);
    }

    /** The default provider, counting the AES ciphers keyed for decryption. */
    private static final class CountingCrypto implements CryptoProvider {
        private final CryptoProvider delegate = CryptoProvider.defaultProvider();
        int decryptions;

        @Override
        public org.layeredtls.crypto.Hash hash(org.layeredtls.crypto.HashAlgorithm algorithm) {
            return delegate.hash(algorithm);
        }

        @Override
        public org.layeredtls.crypto.Mac hmac(org.layeredtls.crypto.HashAlgorithm algorithm, byte[] key) {
            return delegate.hmac(algorithm, key);
        }

        @Override
        public org.layeredtls.crypto.BlockCipher aes(byte[] key, boolean forEncryption) {
            if (!forEncryption) {
                decryptions++;
            }
            return delegate.aes(key, forEncryption);
        }

        @Override
        public org.layeredtls.crypto.BlockCipher tripleDes(byte[] key, boolean forEncryption) {
            return delegate.tripleDes(key, forEncryption);
        }

        @Override
        public org.layeredtls.crypto.StreamCipher rc4(byte[] key) {
            return delegate.rc4(key);
        }

        @Override
        public org.layeredtls.crypto.Aead aesGcm(byte[] key) {
            return delegate.aesGcm(key);
        }

        @Override
        public org.layeredtls.crypto.Aead chaCha20Poly1305(byte[] key) {
            return delegate.chaCha20Poly1305(key);
        }
    }

    @Test
    void theLifetimeHintIsTheTicketLifetimeInSeconds() {
        assertEquals(7200, protector.ticketLifetimeHintSeconds());
    }

    @Test
    void refusesASessionWhoseTicketWouldNotFitInANewSessionTicket() {
        List<org.layeredtls.handshake.cert.Certificate> huge = java.util.Collections.nCopies(200, Sessions.CHAIN.get(0));
        SessionState session = new SessionState(new byte[0], sessionNow().version(), sessionNow().cipherSuite(),
                sessionNow().compression(), new byte[48], false, huge, null, null, clock.instant(), SESSION_LIFETIME);
        assertThrows(IllegalArgumentException.class, () -> protector.protect(session));
    }

    @Test
    void rejectsNonPositiveDurations() {
        var random = DeterministicRandomSource.fromLabel("x");
        var crypto = CryptoProvider.defaultProvider();
        assertThrows(IllegalArgumentException.class,
                () -> new TicketProtector(random, clock, Duration.ZERO, TICKET_LIFETIME, crypto));
        assertThrows(IllegalArgumentException.class,
                () -> new TicketProtector(random, clock, ROTATION, Duration.ofSeconds(-1), crypto));
    }
}
