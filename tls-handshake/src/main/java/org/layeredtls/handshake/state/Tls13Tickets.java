package org.layeredtls.handshake.state;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.PreSharedKey;
import org.layeredtls.handshake.extension.PskIdentity;
import org.layeredtls.handshake.extension.PskKeyExchangeMode;
import org.layeredtls.handshake.extension.PskKeyExchangeModes;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.PartialClientHello;
import org.layeredtls.handshake.message.Tls13NewSessionTicket;
import org.layeredtls.handshake.prf.Hkdf;
import org.layeredtls.handshake.prf.Tls13KeySchedule;
import org.layeredtls.handshake.prf.Tls13Transcript;
import org.layeredtls.handshake.session.ClientSession;
import org.layeredtls.handshake.session.SessionState;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.3 session tickets and PSK resumption (RFC 8446 §4.6.1, §4.2.11, §2.2): the server's
 * NewSessionTicket messages after the handshake, each with its own nonce and so its own PSK; the client's
 * keeping of them; a later ClientHello offering one with its binder and its obfuscated age; the server
 * checking the age and the binder and resuming, in the PSK key exchange mode both prefer
 * ({@link TlsConfig#pskKeyExchangeModes()}: psk_dhe_ke by default, where a resumed session still gets a fresh
 * (EC)DHE secret and so keeps forward secrecy; psk_ke, the PSK alone, if both allow it). A server ticket is
 * the session state — the PSK in place of a master secret — protected with the server's
 * {@link org.layeredtls.handshake.session.TicketProtector}, as a TLS 1.2 ticket is.
 */
final class Tls13Tickets {

    private static final long MAX_LIFETIME_SECONDS = Duration.ofDays(7).toSeconds(); // RFC 8446 §4.6.1

    private Tls13Tickets() {
    }

    // ------------------------------------------------------------------ server: issue

    /** Server, after the client's Finished: {@link TlsConfig#tls13TicketCount()} tickets, if it can resume. */
    static void send(HandshakeContext context, Tls13Handshake tls13) throws IOException {
        TlsConfig config = context.config;
        if (config.ticketProtector() == null || config.tls13TicketCount() == 0) {
            return;
        }
        long lifetime = Math.min(config.ticketProtector().ticketLifetimeHintSeconds(), MAX_LIFETIME_SECONDS);
        for (int i = 0; i < config.tls13TicketCount(); i++) {
            byte[] nonce = {(byte) i}; // "a per-ticket value that is unique across all tickets issued on this connection"
            byte[] psk = Tls13KeySchedule.resumptionPsk(config.crypto(), tls13.hash, tls13.resumptionMasterSecret, nonce);
            SessionState state = new SessionState(new byte[0], ProtocolVersion.TLS1_3, context.suite, CompressionMethod.NULL,
                    psk, false, context.peerCertificates, context.serverName, context.applicationProtocol,
                    config.clock().instant(), Duration.ofSeconds(lifetime), config.maxEarlyData()); // the 0-RTT it allows
            long ageAdd = ticketAgeAdd(config, tls13.hash, psk);
            context.send(new Tls13NewSessionTicket(lifetime, ageAdd, nonce, config.ticketProtector().protect(state),
                    Tls13EarlyData.ticketExtensions(config)));
            Arrays.fill(psk, (byte) 0);
        }
        context.flush();
    }

    /**
     * RFC 8446 §4.6.1: ticket_age_add is "a securely generated, random 32-bit value". Ours is drawn from the
     * ticket's own PSK, the first 4 bytes of HKDF-Expand-Label(PSK, "ticket age add", "", 4): as unpredictable
     * as the PSK to everyone but the client, different for every ticket, and carried by the ticket (which
     * carries the PSK), so that the server can check the age later with nothing kept.
     */
    private static long ticketAgeAdd(TlsConfig config, HashAlgorithm hash, byte[] psk) {
        byte[] bytes = new Hkdf(hash, config.crypto()).expandLabel(psk, "ticket age add", new byte[0], 4);
        return ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16) | ((bytes[2] & 0xFFL) << 8) | (bytes[3] & 0xFFL);
    }

    // ------------------------------------------------------------------ client: keep, offer

    /** Client: a ticket for a later connection to this server, its PSK derived at once (RFC 8446 §4.6.1). */
    static void received(Connection connection, Tls13Secrets secrets, Tls13NewSessionTicket ticket) throws TlsAlertException {
        var store = connection.config.clientSessionStore();
        if (store == null || ticket.lifetimeSeconds() == 0) {
            return; // lifetime 0: "the ticket should be discarded immediately"
        }
        HashAlgorithm hash = secrets.suite.prfHash();
        byte[] psk = Tls13KeySchedule.resumptionPsk(secrets.crypto, hash, secrets.resumptionMasterSecret, ticket.nonce());
        SessionState state = new SessionState(new byte[0], ProtocolVersion.TLS1_3, secrets.suite, CompressionMethod.NULL,
                psk, false, connection.sessionInfo().peerCertificates(), connection.sessionInfo().serverName(),
                connection.sessionInfo().applicationProtocol(), connection.config.clock().instant(),
                Duration.ofSeconds(Math.min(ticket.lifetimeSeconds(), MAX_LIFETIME_SECONDS)));
        store.put(connection.peerKey(), new ClientSession(state, ticket.ticket(), ticket.lifetimeSeconds(), ticket.ageAdd(),
                Tls13EarlyData.maxEarlyDataSize(ticket)));
        Arrays.fill(psk, (byte) 0);
    }

    /** Client: a stored TLS 1.3 session we may offer now, if any (a suite we still offer, not expired). */
    static Optional<ClientSession> resumable(HandshakeContext context) {
        TlsConfig config = context.config;
        if (config.clientSessionStore() == null) {
            return Optional.empty();
        }
        return config.clientSessionStore().get(context.connection.peerKey())
                .filter(s -> s.state().version().equals(ProtocolVersion.TLS1_3) && s.hasTicket())
                .filter(s -> s.state().isValidAt(config.clock().instant()))
                .filter(s -> config.tls13CipherSuites().contains(s.state().cipherSuite()));
    }

    /** The pre_shared_key a ClientHello ends with: one identity, its binder a placeholder until {@link #bind}. */
    static PreSharedKey.OfferedPsks offer(HandshakeContext context, ClientSession session) {
        long ageMillis = Duration.between(session.state().creationTime(), context.config.clock().instant()).toMillis();
        long obfuscatedAge = (ageMillis + session.ticketAgeAdd()) & 0xFFFFFFFFL; // RFC 8446 §4.2.11.1
        int binderLength = session.state().cipherSuite().prfHash().digestLength();
        return new PreSharedKey.OfferedPsks(List.of(new PskIdentity(session.ticket(), obfuscatedAge)),
                List.of(new byte[binderLength]));
    }

    /** RFC 8446 §4.2.9: the modes we would resume in, {@link TlsConfig#pskKeyExchangeModes()} (psk_dhe_ke by default). */
    static PskKeyExchangeModes modes(TlsConfig config) {
        return PskKeyExchangeModes.of(config.pskKeyExchangeModes().toArray(PskKeyExchangeMode[]::new));
    }

    /**
     * RFC 8446 §4.2.11.2: the binder, an HMAC with the PSK's binder key over the transcript up to the
     * ClientHello cut before the binders; returns the ClientHello with it.
     */
    static ClientHello bind(HandshakeContext context, Tls13Handshake tls13, ClientHello hello) throws TlsAlertException {
        HashAlgorithm hash = tls13.offeredSession.state().cipherSuite().prfHash();
        byte[] partial = PartialClientHello.bytes(hello);
        byte[] transcriptHash = tls13.hash == null ? new Tls13Transcript(hash, context.config.crypto()).hashWith(partial)
                : tls13.transcript.hashWith(partial);
        byte[] binder = Tls13KeySchedule.finishedVerifyData(context.config.crypto(), hash, binderKey(context, hash, tls13.offeredSession.state().masterSecret()),
                transcriptHash);
        return PartialClientHello.withBinders(hello, List.of(binder));
    }

    private static byte[] binderKey(HandshakeContext context, HashAlgorithm hash, byte[] psk) {
        Tls13KeySchedule early = new Tls13KeySchedule(hash, context.config.crypto());
        early.early(psk);
        return early.binderKey(true);
    }

    // ------------------------------------------------------------------ server: resume

    /**
     * Server: whether the ClientHello's first PSK is one of our tickets, for the chosen suite's hash, not past
     * its lifetime, of the age the client says (within {@link TlsConfig#ticketAgeTolerance()}), in a mode both
     * allow, with a binder that verifies (else decrypt_error); then {@code tls13.psk} and
     * {@code tls13.pskKeyExchangeMode} are set and the session's facts taken over. {@code transcriptBytes}: the
     * ClientHello as received.
     */
    static boolean accept(HandshakeContext context, Tls13Handshake tls13, ClientHello hello, byte[] transcriptBytes)
            throws TlsAlertException {
        TlsConfig config = context.config;
        Extensions extensions = hello.extensionsOrEmpty();
        Optional<PreSharedKey.OfferedPsks> offered = extensions.find(ExtensionType.PRE_SHARED_KEY, PreSharedKey::decodeClientHello);
        if (offered.isEmpty() || config.ticketProtector() == null || config.tls13TicketCount() == 0) {
            return false;
        }
        PskKeyExchangeModes clientModes = extensions.find(ExtensionType.PSK_KEY_EXCHANGE_MODES, PskKeyExchangeModes::decode)
                // RFC 8446 §4.2.9: pre_shared_key without psk_key_exchange_modes is missing_extension
                .orElseThrow(() -> HandshakeContext.alert(AlertDescription.MISSING_EXTENSION,
                        "pre_shared_key without psk_key_exchange_modes"));
        // RFC 8446 §4.2.9: "the server MUST NOT select a key exchange mode that is not listed by the client"
        Optional<PskKeyExchangeMode> mode = config.pskKeyExchangeModes().stream().filter(clientModes::allows).findFirst();
        PskIdentity identity = offered.get().identities().get(0);
        Optional<SessionState> session = config.ticketProtector().unprotect(identity.identity())
                .filter(s -> s.version().equals(ProtocolVersion.TLS1_3) && s.isValidAt(config.clock().instant()))
                .filter(s -> s.cipherSuite().prfHash() == context.suite.prfHash())
                .filter(s -> ticketAgeMatches(config, s, identity.obfuscatedTicketAge()));
        if (mode.isEmpty() || session.isEmpty()) {
            return false; // a full handshake instead
        }
        byte[] partial = Arrays.copyOf(transcriptBytes, transcriptBytes.length - offered.get().bindersLength());
        byte[] expected = Tls13KeySchedule.finishedVerifyData(context.config.crypto(), context.suite.prfHash(),
                binderKey(context, context.suite.prfHash(), session.get().masterSecret()), transcriptHashWith(context, tls13, partial));
        if (!java.security.MessageDigest.isEqual(expected, offered.get().binders().get(0))) {
            throw HandshakeContext.alert(AlertDescription.DECRYPT_ERROR, "the PSK binder does not verify (RFC 8446 §4.2.11.2)");
        }
        tls13.psk = session.get().masterSecret();
        tls13.resumedSession = session.get();
        tls13.pskAccepted = true;
        tls13.pskKeyExchangeMode = mode.get();
        context.resumed = true;
        context.peerCertificates = session.get().peerCertificates();
        return true;
    }

    /**
     * RFC 8446 §4.2.11, §8.3: the age the client reports, obfuscated_ticket_age - ticket_age_add (mod 2^32, in
     * milliseconds), against the time since we issued the ticket, within {@link TlsConfig#ticketAgeTolerance()}.
     * A ticket replayed long after, or from a client whose clock runs wild, makes a full handshake.
     */
    private static boolean ticketAgeMatches(TlsConfig config, SessionState session, long obfuscatedTicketAge) {
        byte[] psk = session.masterSecret();
        long clientAgeMillis = (obfuscatedTicketAge - ticketAgeAdd(config, session.cipherSuite().prfHash(), psk)) & 0xFFFFFFFFL;
        Arrays.fill(psk, (byte) 0);
        long serverAgeMillis = Duration.between(session.creationTime(), config.clock().instant()).toMillis();
        return Math.abs(clientAgeMillis - serverAgeMillis) <= config.ticketAgeTolerance().toMillis();
    }

    private static byte[] transcriptHashWith(HandshakeContext context, Tls13Handshake tls13, byte[] partial) {
        if (tls13.hash == null) {
            return new Tls13Transcript(context.suite.prfHash(), context.config.crypto()).hashWith(partial);
        }
        return tls13.transcript.hashWith(partial);
    }
}
