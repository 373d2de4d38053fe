package org.layeredtls.handshake.session;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SecureRandomSource;

/**
 * Seals a server's {@link SessionState} into a session ticket that the client keeps and hands back
 * (RFC 5077), so the server can resume sessions without a cache. The ticket follows RFC 5077 §4's
 * recommended construction exactly:
 * <pre>
 * struct {
 *     opaque key_name[16];
 *     opaque iv[16];
 *     opaque encrypted_state&lt;0..2^16-1&gt;;   // AES-128-CBC of the PKCS#7-padded SessionState.encode()
 *     opaque mac[32];                        // HMAC-SHA-256 over key_name || iv || encrypted_state (its
 * } ticket;                                  // 2-byte length included)
 * </pre>
 * so a ticket is {@code 16 + 16 + 2 + 16n + 32} bytes.
 *
 * <p>Keys rotate: every {@code rotationInterval} a fresh set becomes current and new tickets use it;
 * a retired set still opens tickets (and {@link #shouldRenew} says to issue a fresh one) until
 * {@code ticketLifetime} has passed since it retired, then its keys are wiped. Rotation happens
 * lazily, on the first call after it is due.
 *
 * <p>{@link #unprotect} never throws: any bad ticket (unknown key, forged or altered, expired) is
 * simply "no session" and the server falls back to a full handshake (RFC 5077 §3.4). Thread-safe.
 */
public final class TicketProtector {

    static final int KEY_NAME_LENGTH = TicketKeys.KEY_NAME_LENGTH;
    static final int IV_LENGTH = 16;
    static final int MAC_LENGTH = 32;
    private static final int AES_BLOCK = 16;
    /** key_name + iv + the 2-byte length of encrypted_state: the bytes before the ciphertext. */
    private static final int HEADER_LENGTH = KEY_NAME_LENGTH + IV_LENGTH + 2;
    /** A NewSessionTicket carries {@code opaque ticket<0..2^16-1>} (RFC 5077 §3.3). */
    private static final int MAX_TICKET_LENGTH = 0xFFFF;

    private record RetiredKeys(TicketKeys keys, Instant retiredAt) {
    }

    private final RandomSource random;
    private final Clock clock;
    private final Duration rotationInterval;
    private final Duration ticketLifetime;
    private final CryptoProvider crypto;
    // guarded by this
    private TicketKeys current;
    private Instant currentSince;
    private final List<RetiredKeys> retired = new ArrayList<>();

    /**
     * @param random where keys and IVs come from
     * @param clock the time for rotation and for session expiry
     * @param rotationInterval how long a key set is current
     * @param ticketLifetime how long a ticket stays acceptable: after its session's creation, and after its
     *                       key set stopped being current; also the lifetime hint sent to clients
     * @param crypto AES and HMAC-SHA-256
     */
    public TicketProtector(RandomSource random, Clock clock, Duration rotationInterval, Duration ticketLifetime,
                           CryptoProvider crypto) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rotationInterval = positive(rotationInterval, "rotationInterval");
        this.ticketLifetime = positive(ticketLifetime, "ticketLifetime");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.current = TicketKeys.generate(random);
        this.currentSince = clock.instant();
    }

    /** Keys rotated every hour, tickets good for two hours (as long as OpenSSL's default session timeout). */
    public static TicketProtector withDefaults() {
        return new TicketProtector(new SecureRandomSource(), Clock.systemUTC(), Duration.ofHours(1),
                Duration.ofHours(2), CryptoProvider.defaultProvider());
    }

    /** The {@code ticket_lifetime_hint} to send in NewSessionTicket (RFC 5077 §3.3), in seconds. */
    public long ticketLifetimeHintSeconds() {
        return Math.min(ticketLifetime.getSeconds(), 0xFFFFFFFFL);
    }

    /**
     * Seals a session into a ticket under the current keys.
     *
     * @throws IllegalArgumentException if the ticket would exceed 65535 bytes (a session with a huge
     *         peer certificate chain): issue no ticket for it
     */
    public synchronized byte[] protect(SessionState session) {
        rotateIfDue(clock.instant());
        byte[] encoded = session.encode();
        byte[] padded = Cbc.pad(encoded, AES_BLOCK);
        Arrays.fill(encoded, (byte) 0);
        int ticketLength = HEADER_LENGTH + padded.length + MAC_LENGTH;
        if (ticketLength > MAX_TICKET_LENGTH) {
            Arrays.fill(padded, (byte) 0);
            throw new IllegalArgumentException("a ticket of " + ticketLength + " bytes does not fit in a NewSessionTicket");
        }
        byte[] ticket = new byte[ticketLength];
        byte[] iv = random.nextBytes(IV_LENGTH);
        System.arraycopy(current.keyName(), 0, ticket, 0, KEY_NAME_LENGTH);
        System.arraycopy(iv, 0, ticket, KEY_NAME_LENGTH, IV_LENGTH);
        ticket[KEY_NAME_LENGTH + IV_LENGTH] = (byte) (padded.length >>> 8);
        ticket[KEY_NAME_LENGTH + IV_LENGTH + 1] = (byte) padded.length;
        System.arraycopy(padded, 0, ticket, HEADER_LENGTH, padded.length);
        Arrays.fill(padded, (byte) 0);
        Cbc.encrypt(crypto.aes(current.aesKey(), true), iv, ticket, HEADER_LENGTH, padded.length);
        Mac mac = crypto.hmac(HashAlgorithm.SHA256, current.hmacKey());
        mac.update(ticket, 0, ticket.length - MAC_LENGTH);
        mac.doFinal(ticket, ticket.length - MAC_LENGTH);
        return ticket;
    }

    /**
     * Opens a ticket: the session inside when the ticket is intact, made with a key set still accepted,
     * and its session is still valid; empty for anything else. Never throws.
     */
    public synchronized Optional<SessionState> unprotect(byte[] ticket) {
        try {
            Instant now = clock.instant();
            rotateIfDue(now);
            Optional<SessionState> session = open(ticket, now);
            return session.filter(s -> s.isValidAt(now) && isYoungEnough(s, now));
        } catch (RuntimeException e) {
            return Optional.empty(); // belt and braces: a bad ticket is never more than "no session"
        }
    }

    /**
     * Whether a ticket was made with a key set that is no longer current, so that the server should
     * send a fresh ticket after resuming with it (RFC 5077 §3.3 lets the server renew a ticket).
     */
    public synchronized boolean shouldRenew(byte[] ticket) {
        rotateIfDue(clock.instant());
        return ticket != null && retired.stream().anyMatch(r -> r.keys().hasName(ticket));
    }

    /** How many key sets currently open tickets: the current one plus the retired ones still accepted. */
    synchronized int acceptedKeySets() {
        return 1 + retired.size();
    }

    private Optional<SessionState> open(byte[] ticket, Instant now) {
        if (ticket == null || ticket.length < HEADER_LENGTH + AES_BLOCK + MAC_LENGTH) {
            return Optional.empty();
        }
        int encryptedLength = ((ticket[KEY_NAME_LENGTH + IV_LENGTH] & 0xFF) << 8)
                | (ticket[KEY_NAME_LENGTH + IV_LENGTH + 1] & 0xFF);
        if (encryptedLength % AES_BLOCK != 0 || HEADER_LENGTH + encryptedLength + MAC_LENGTH != ticket.length) {
            return Optional.empty();
        }
        Optional<TicketKeys> found = keysNamedIn(ticket);
        if (found.isEmpty()) {
            return Optional.empty(); // RFC 5077 §4: unknown key_name, full handshake
        }
        TicketKeys keys = found.get();
        // RFC 5077 §4: verify the MAC first, in constant time, and decrypt only an authentic ticket
        Mac mac = crypto.hmac(HashAlgorithm.SHA256, keys.hmacKey());
        mac.update(ticket, 0, ticket.length - MAC_LENGTH);
        byte[] expected = new byte[MAC_LENGTH];
        mac.doFinal(expected, 0);
        byte[] received = Arrays.copyOfRange(ticket, ticket.length - MAC_LENGTH, ticket.length);
        if (!MessageDigest.isEqual(expected, received)) {
            return Optional.empty();
        }
        byte[] iv = Arrays.copyOfRange(ticket, KEY_NAME_LENGTH, KEY_NAME_LENGTH + IV_LENGTH);
        byte[] state = Arrays.copyOfRange(ticket, HEADER_LENGTH, HEADER_LENGTH + encryptedLength);
        try {
            Cbc.decrypt(crypto.aes(keys.aesKey(), false), iv, state, 0, state.length);
            int length = Cbc.unpaddedLength(state, AES_BLOCK);
            if (length < 0) {
                return Optional.empty();
            }
            return Optional.of(SessionState.decode(Arrays.copyOf(state, length)));
        } catch (TlsAlertException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(state, (byte) 0);
        }
    }

    private Optional<TicketKeys> keysNamedIn(byte[] ticket) {
        if (current.hasName(ticket)) {
            return Optional.of(current);
        }
        return retired.stream().map(RetiredKeys::keys).filter(k -> k.hasName(ticket)).findFirst();
    }

    /** RFC 5077 §5.6: a ticket is not accepted beyond its lifetime, counted from its session's creation. */
    private boolean isYoungEnough(SessionState session, Instant now) {
        return Duration.between(session.creationTime(), now).compareTo(ticketLifetime) < 0;
    }

    private void rotateIfDue(Instant now) {
        if (Duration.between(currentSince, now).compareTo(rotationInterval) >= 0) {
            retired.add(new RetiredKeys(current, now));
            current = TicketKeys.generate(random);
            currentSince = now;
        }
        retired.removeIf(r -> {
            boolean gone = Duration.between(r.retiredAt(), now).compareTo(ticketLifetime) >= 0;
            if (gone) {
                r.keys().wipe();
            }
            return gone;
        });
    }

    private static Duration positive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
        return duration;
    }

    @Override
    public String toString() {
        return "TicketProtector[rotationInterval=" + rotationInterval + ", ticketLifetime=" + ticketLifetime + "]";
    }
}
