package org.layeredtls.handshake.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKeyCrypto;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.cert.CertificateValidator;
import org.layeredtls.handshake.cert.VerificationError;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.policy.SecurityLevel;
import org.layeredtls.handshake.session.ClientSessionStore;
import org.layeredtls.handshake.session.SessionCache;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/**
 * Everything a connection is configured with, for either side. Immutable; made with
 * {@link #builder()}. The defaults are those of a careful modern stack, as OpenSSL 3.5's:
 * <ul>
 *   <li>versions TLS 1.2 to TLS 1.3, TLS 1.3 preferred ({@link Builder#versions}; a TLS 1.3 server
 *       negotiates 1.2 only with a client that offers no 1.3, and then writes the RFC 8446 §4.1.3
 *       downgrade sentinel; {@code .maxVersion(ProtocolVersion.TLS1_2)} pins TLS 1.2);</li>
 *   <li>TLS 1.3 suites {@link #DEFAULT_TLS13_SUITES} (OpenSSL's {@code -ciphersuites} default), TLS 1.2
 *       suites {@link #DEFAULT_SUITES} (ECDHE with AEAD only);</li>
 *   <li>supported_groups {@link #DEFAULT_GROUPS}: the post-quantum hybrid X25519MLKEM768 first, then
 *       x25519, secp256r1, secp384r1; the hybrid is TLS 1.3 only (never in a TLS 1.2-only
 *       ClientHello, never chosen for TLS 1.2 ECDHE);</li>
 *   <li>key shares in the first TLS 1.3 ClientHello {@link #DEFAULT_KEY_SHARE_GROUPS}: X25519MLKEM768
 *       and x25519, as today's browsers; a server takes its own first group the client sent a share
 *       for, so it prefers the hybrid when the client offers it;</li>
 *   <li>signature schemes {@link #DEFAULT_SIGNATURE_SCHEMES} (no SHA-1, no MD5);</li>
 *   <li>no compression, extended master secret, encrypt-then-MAC, tickets (2 TLS 1.3 tickets per
 *       handshake), secure renegotiation only, DH groups of at least 2048 bits, TLS 1.3 middlebox
 *       compatibility mode, no TLS 1.3 record padding.</li>
 * </ul>
 * SSL 3.0, TLS 1.0/1.1 and the weak suites (NULL, RC4, 3DES) exist for teaching and must be turned on
 * by name ({@link Builder#versions}, with {@code .securityLevel(0)}).
 *
 * <p>Over all of it sits the {@link SecurityLevel} (default 2, as Debian's OpenSSL): the suites,
 * groups, signature schemes, versions, compression and tickets configured here are the ones
 * offered or accepted only as far as the level allows them, and the accessors answer with what
 * the level leaves (see {@link #securityLevel()}).
 */
public final class TlsConfig {

    /** The default suites, in preference order. */
    public static final List<CipherSuite> DEFAULT_SUITES = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);

    /** The TLS 1.2 signature schemes offered and accepted by default: no SHA-1, no MD5 (name them, at security level 0). */
    public static final List<SignatureScheme> DEFAULT_SIGNATURE_SCHEMES = List.of(
            SignatureScheme.ECDSA_SHA256, SignatureScheme.ECDSA_SHA384, SignatureScheme.ECDSA_SHA512,
            SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
            SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512);

    /**
     * The supported_groups offered and accepted by default, in preference order, as OpenSSL 3.5 and today's
     * browsers: the post-quantum hybrid X25519MLKEM768 (TLS 1.3 only), then x25519, secp256r1, secp384r1.
     */
    public static final List<NamedGroup> DEFAULT_GROUPS = List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519,
            NamedGroup.SECP256R1, NamedGroup.SECP384R1);

    // TLS 1.3
    /** The TLS 1.3 suites by default, in OpenSSL 3.0's order (its {@code -ciphersuites} default). */
    public static final List<CipherSuite> DEFAULT_TLS13_SUITES = List.of(
            CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_AES_128_GCM_SHA256);

    /**
     * The groups a TLS 1.3 client sends a key share for in its first ClientHello, as OpenSSL 3.5 and today's
     * browsers: the hybrid X25519MLKEM768 and x25519 (a peer that knows no hybrid takes x25519, no HelloRetryRequest).
     */
    public static final List<NamedGroup> DEFAULT_KEY_SHARE_GROUPS = List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519);

    /**
     * Records protected under one TLS 1.3 traffic key before we send KeyUpdate (RFC 8446 §5.5: AES-GCM
     * may protect 2^24.5 full-size records; 2^24 stays below it for every suite).
     */
    public static final long DEFAULT_KEY_UPDATE_RECORD_LIMIT = 1L << 24;

    /** NewSessionTicket messages a TLS 1.3 server sends after the handshake (OpenSSL's num_tickets: 2). */
    public static final int DEFAULT_TLS13_TICKET_COUNT = 2;

    // 0-RTT early data
    /** Rejected 0-RTT bytes a server skips (RFC 8446 §4.2.10; OpenSSL's recv_max_early_data default, 2^14). */
    public static final long DEFAULT_REJECTED_EARLY_DATA_LIMIT = 16384;

    /** Tickets that carried 0-RTT data a server remembers until they expire (RFC 8446 §8.1 single-use tickets). */
    public static final int DEFAULT_EARLY_DATA_TICKET_MEMORY = 100_000;

    private final ProtocolVersion minVersion;
    private final ProtocolVersion maxVersion;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> namedGroups;
    private final List<SignatureScheme> signatureSchemes;
    private final List<CertifiedKey> certifiedKeys;
    private final List<Certificate> trustAnchors;
    private final ClientAuth clientAuth;
    private final String serverName;
    private final boolean verifyPeer;
    private final List<String> alpn;
    private final List<CompressionMethod> compression;
    private final int maxFragmentLength;
    private final boolean sessionTickets;
    private final boolean extendedMasterSecret;
    private final boolean encryptThenMac;
    private final SessionCache sessionCache;
    private final TicketProtector ticketProtector;
    private final ClientSessionStore clientSessionStore;
    private final RandomSource random;
    private final Clock clock;
    private final TlsObserver observer;
    private final boolean allowRenegotiation;
    private final int minDhBits;
    private final CryptoProvider crypto;
    private final PublicKeyCrypto publicKeyCrypto;
    // Research hooks (org.layeredtls.handshake.intercept); null = none.
    private final org.layeredtls.handshake.intercept.HandshakeInterceptor handshakeInterceptor;
    private final org.layeredtls.handshake.intercept.RecordInterceptor recordInterceptor;
    // security level
    private final SecurityLevel securityLevel;
    private final List<CipherSuite> permittedCipherSuites;
    private final List<NamedGroup> permittedNamedGroups;
    private final List<SignatureScheme> permittedSignatureSchemes;
    private final ProtocolVersion permittedMinVersion;
    // limits and policies against hostile peers (README "Limits and policies")
    private final java.time.Duration handshakeTimeout;
    private final java.time.Duration closeTimeout;
    private final int warningAlertLimit;
    private final int emptyRecordLimit;
    private final int maxCertificateList;
    private final boolean clientRenegotiation;
    private final int clientRenegotiationLimit;
    private final java.time.Duration clientRenegotiationWindow;
    // legacy record formats: SSLv2-compatible ClientHello, BEAST 1/n-1 split
    private final boolean acceptSslv2ClientHello;
    private final boolean cbcRecordSplitting;
    // peer certificate verifier (JSSE trust managers)
    private final PeerCertificateVerifier peerCertificateVerifier;
    // ALPN selector (JSSE setHandshakeApplicationProtocolSelector)
    private final ApplicationProtocolSelector alpnSelector;
    // incoming interceptors (research hooks on the peer's records and messages)
    private final org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor incomingHandshakeInterceptor;
    private final org.layeredtls.handshake.intercept.IncomingRecordInterceptor incomingRecordInterceptor;
    // server connections under load (CWMP ACS: many devices at once)
    private final java.time.Duration idleTimeout;
    private final int acceptBacklog;
    // TLS 1.3
    private final List<CipherSuite> tls13CipherSuites;
    private final List<NamedGroup> keyShareGroups;
    private final boolean middleboxCompatibility;
    private final long keyUpdateRecordLimit;
    private final int tls13TicketCount;
    private final org.layeredtls.record.PaddingPolicy paddingPolicy;
    // post-handshake client authentication
    private final boolean postHandshakeAuth;
    // TLS 1.3 negotiation and resumption: HelloRetryRequest cookie, PSK key exchange modes, ticket age
    /** How far a client's ticket age may be from ours (OpenSSL's TICKET_AGE_ALLOWANCE, for its 0-RTT check). */
    public static final java.time.Duration DEFAULT_TICKET_AGE_TOLERANCE = java.time.Duration.ofSeconds(10);
    /** The length of the HMAC-SHA256 key that protects HelloRetryRequest cookies. */
    public static final int HELLO_RETRY_COOKIE_KEY_LENGTH = 32;
    private final HelloRetryCookie helloRetryCookie;
    private final byte[] helloRetryCookieKey;
    private final List<org.layeredtls.handshake.extension.PskKeyExchangeMode> pskKeyExchangeModes;
    private final java.time.Duration ticketAgeTolerance;
    // 0-RTT early data
    private final long maxEarlyData;
    private final long rejectedEarlyDataLimit;
    private final org.layeredtls.handshake.session.SingleUseTickets earlyDataTickets;

    private TlsConfig(Builder b) {
        this.minVersion = b.minVersion;
        this.maxVersion = b.maxVersion;
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.namedGroups = List.copyOf(b.namedGroups);
        this.signatureSchemes = List.copyOf(b.signatureSchemes);
        this.certifiedKeys = List.copyOf(b.certifiedKeys);
        this.trustAnchors = List.copyOf(b.trustAnchors);
        this.clientAuth = b.clientAuth;
        this.serverName = b.serverName;
        this.verifyPeer = b.verifyPeer;
        this.alpn = List.copyOf(b.alpn);
        this.compression = List.copyOf(b.compression);
        this.maxFragmentLength = b.maxFragmentLength;
        this.sessionTickets = b.sessionTickets;
        this.extendedMasterSecret = b.extendedMasterSecret;
        this.encryptThenMac = b.encryptThenMac;
        this.sessionCache = b.sessionCache;
        this.ticketProtector = b.ticketProtector;
        this.clientSessionStore = b.clientSessionStore;
        this.random = b.random;
        this.clock = b.clock;
        this.observer = b.observer;
        this.allowRenegotiation = b.allowRenegotiation;
        this.minDhBits = b.minDhBits;
        this.crypto = b.crypto;
        this.publicKeyCrypto = b.publicKeyCrypto;
        this.handshakeInterceptor = b.handshakeInterceptor;
        this.recordInterceptor = b.recordInterceptor;
        // limits and policies against hostile peers
        this.handshakeTimeout = b.handshakeTimeout;
        this.closeTimeout = b.closeTimeout;
        this.warningAlertLimit = b.warningAlertLimit;
        this.emptyRecordLimit = b.emptyRecordLimit;
        this.maxCertificateList = b.maxCertificateList;
        this.clientRenegotiation = b.clientRenegotiation;
        this.clientRenegotiationLimit = b.clientRenegotiationLimit;
        this.clientRenegotiationWindow = b.clientRenegotiationWindow;
        // legacy record formats: SSLv2-compatible ClientHello, BEAST 1/n-1 split
        this.acceptSslv2ClientHello = b.acceptSslv2ClientHello;
        this.cbcRecordSplitting = b.cbcRecordSplitting;
        // security level
        this.securityLevel = b.securityLevel;
        this.permittedCipherSuites = securityLevel.permittedSuites(cipherSuites);
        this.permittedNamedGroups = securityLevel.permittedGroups(namedGroups);
        this.permittedSignatureSchemes = securityLevel.permittedSignatures(signatureSchemes);
        this.permittedMinVersion = securityLevel.lowestPermittedVersion(minVersion, maxVersion).orElse(null);
        // peer certificate verifier (JSSE trust managers)
        this.peerCertificateVerifier = b.peerCertificateVerifier;
        // ALPN selector (JSSE setHandshakeApplicationProtocolSelector)
        this.alpnSelector = b.alpnSelector;
        // incoming interceptors
        this.incomingHandshakeInterceptor = b.incomingHandshakeInterceptor;
        this.incomingRecordInterceptor = b.incomingRecordInterceptor;
        // server connections under load (CWMP ACS: many devices at once)
        this.idleTimeout = b.idleTimeout;
        this.acceptBacklog = b.acceptBacklog;
        // TLS 1.3
        this.tls13CipherSuites = securityLevel.permittedSuites(List.copyOf(b.tls13CipherSuites));
        this.keyShareGroups = List.copyOf(b.keyShareGroups);
        this.middleboxCompatibility = b.middleboxCompatibility;
        this.keyUpdateRecordLimit = b.keyUpdateRecordLimit;
        this.tls13TicketCount = b.tls13TicketCount;
        this.paddingPolicy = b.paddingPolicy;
        // post-handshake client authentication
        this.postHandshakeAuth = b.postHandshakeAuth;
        // TLS 1.3 negotiation and resumption: HelloRetryRequest cookie, PSK key exchange modes, ticket age
        this.helloRetryCookie = b.helloRetryCookie;
        this.helloRetryCookieKey = b.helloRetryCookieKey != null ? b.helloRetryCookieKey.clone()
                : b.helloRetryCookie == HelloRetryCookie.OFF ? null : b.random.nextBytes(HELLO_RETRY_COOKIE_KEY_LENGTH);
        this.pskKeyExchangeModes = List.copyOf(b.pskKeyExchangeModes);
        this.ticketAgeTolerance = b.ticketAgeTolerance;
        // 0-RTT early data
        this.maxEarlyData = b.maxEarlyData;
        this.rejectedEarlyDataLimit = b.rejectedEarlyDataLimit;
        this.earlyDataTickets = b.earlyDataTickets != null ? b.earlyDataTickets
                : new org.layeredtls.handshake.session.SingleUseTickets(b.earlyDataTicketMemory);
        checkSecurityLevel();
    }

    // as OpenSSL refuses, when the configuration is made, what the level leaves unusable
    private void checkSecurityLevel() {
        if (permittedMinVersion == null) {
            throw new IllegalArgumentException(minVersion.displayName() + ".." + maxVersion.displayName()
                    + ": no protocol version is allowed at " + securityLevel);
        }
        if (permittedCipherSuites.stream().allMatch(CipherSuite::isSignalling)) {
            throw new IllegalArgumentException("no cipher suite of " + cipherSuites + " is allowed at " + securityLevel);
        }
        if (permittedSignatureSchemes.isEmpty()) {
            throw new IllegalArgumentException("no signature scheme of " + signatureSchemes + " is allowed at " + securityLevel);
        }
        for (CertifiedKey key : certifiedKeys) {
            Optional<VerificationError> error = CertificateValidator.ownChainError(key.chain(), securityLevel);
            if (error.isPresent()) {
                throw new IllegalArgumentException("our certificate " + key.chain().get(0).subject() + ": "
                        + error.get().text() + " at " + securityLevel);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.minVersion = minVersion;
        b.maxVersion = maxVersion;
        b.cipherSuites = new ArrayList<>(cipherSuites);
        b.namedGroups = new ArrayList<>(namedGroups);
        b.signatureSchemes = new ArrayList<>(signatureSchemes);
        b.certifiedKeys = new ArrayList<>(certifiedKeys);
        b.trustAnchors = new ArrayList<>(trustAnchors);
        b.clientAuth = clientAuth;
        b.serverName = serverName;
        b.verifyPeer = verifyPeer;
        b.alpn = new ArrayList<>(alpn);
        b.compression = new ArrayList<>(compression);
        b.maxFragmentLength = maxFragmentLength;
        b.sessionTickets = sessionTickets;
        b.extendedMasterSecret = extendedMasterSecret;
        b.encryptThenMac = encryptThenMac;
        b.sessionCache = sessionCache;
        b.ticketProtector = ticketProtector;
        b.clientSessionStore = clientSessionStore;
        b.random = random;
        b.clock = clock;
        b.observer = observer;
        b.allowRenegotiation = allowRenegotiation;
        b.minDhBits = minDhBits;
        b.crypto = crypto;
        b.publicKeyCrypto = publicKeyCrypto;
        b.handshakeInterceptor = handshakeInterceptor;
        b.recordInterceptor = recordInterceptor;
        // limits and policies against hostile peers
        b.handshakeTimeout = handshakeTimeout;
        b.closeTimeout = closeTimeout;
        b.warningAlertLimit = warningAlertLimit;
        b.emptyRecordLimit = emptyRecordLimit;
        b.maxCertificateList = maxCertificateList;
        b.clientRenegotiation = clientRenegotiation;
        b.clientRenegotiationLimit = clientRenegotiationLimit;
        b.clientRenegotiationWindow = clientRenegotiationWindow;
        // legacy record formats: SSLv2-compatible ClientHello, BEAST 1/n-1 split
        b.acceptSslv2ClientHello = acceptSslv2ClientHello;
        b.cbcRecordSplitting = cbcRecordSplitting;
        // security level
        b.securityLevel = securityLevel;
        // peer certificate verifier (JSSE trust managers)
        b.peerCertificateVerifier = peerCertificateVerifier;
        // ALPN selector (JSSE setHandshakeApplicationProtocolSelector)
        b.alpnSelector = alpnSelector;
        // incoming interceptors
        b.incomingHandshakeInterceptor = incomingHandshakeInterceptor;
        b.incomingRecordInterceptor = incomingRecordInterceptor;
        // server connections under load (CWMP ACS: many devices at once)
        b.idleTimeout = idleTimeout;
        b.acceptBacklog = acceptBacklog;
        // TLS 1.3
        b.tls13CipherSuites = new ArrayList<>(tls13CipherSuites);
        b.keyShareGroups = new ArrayList<>(keyShareGroups);
        b.middleboxCompatibility = middleboxCompatibility;
        b.keyUpdateRecordLimit = keyUpdateRecordLimit;
        b.tls13TicketCount = tls13TicketCount;
        b.paddingPolicy = paddingPolicy;
        // post-handshake client authentication
        b.postHandshakeAuth = postHandshakeAuth;
        // TLS 1.3 negotiation and resumption: HelloRetryRequest cookie, PSK key exchange modes, ticket age
        b.helloRetryCookie = helloRetryCookie;
        b.helloRetryCookieKey = helloRetryCookieKey;
        b.pskKeyExchangeModes = new ArrayList<>(pskKeyExchangeModes);
        b.ticketAgeTolerance = ticketAgeTolerance;
        // 0-RTT early data
        b.maxEarlyData = maxEarlyData;
        b.rejectedEarlyDataLimit = rejectedEarlyDataLimit;
        b.earlyDataTickets = earlyDataTickets;
        return b;
    }

    /** The lowest version offered or accepted: the configured one, raised as far as the security level demands. */
    public ProtocolVersion minVersion() { return permittedMinVersion; }
    public ProtocolVersion maxVersion() { return maxVersion; }
    /** The cipher suites offered or chosen, in preference order: those configured that the security level allows. */
    public List<CipherSuite> cipherSuites() { return permittedCipherSuites; }
    /** The groups offered or chosen: those configured that the security level allows. */
    public List<NamedGroup> namedGroups() { return permittedNamedGroups; }
    /** The TLS 1.2 signature schemes offered and accepted, in preference order, as far as the security level allows. */
    public List<SignatureScheme> signatureSchemes() { return permittedSignatureSchemes; }
    public List<CertifiedKey> certifiedKeys() { return certifiedKeys; }
    public List<Certificate> trustAnchors() { return trustAnchors; }
    public ClientAuth clientAuth() { return clientAuth; }
    /** The host name the client sends in SNI and checks the server certificate against, or null. */
    public String serverName() { return serverName; }
    public boolean verifyPeer() { return verifyPeer; }
    public List<String> alpn() { return alpn; }
    /** The compression methods, in preference order; null only when the security level forbids compression (level 2 up). */
    public List<CompressionMethod> compression() {
        return securityLevel.permitsCompression() ? compression : List.of(CompressionMethod.NULL);
    }
    /** The RFC 6066 max_fragment_length a client asks for, or 0 for none. */
    public int maxFragmentLength() { return maxFragmentLength; }
    /** Whether session tickets are used: as configured, and never from security level 3. */
    public boolean sessionTickets() { return sessionTickets && securityLevel.permitsSessionTickets(); }
    public boolean extendedMasterSecret() { return extendedMasterSecret; }
    public boolean encryptThenMac() { return encryptThenMac; }
    public SessionCache sessionCache() { return sessionCache; }
    public TicketProtector ticketProtector() { return ticketProtector; }
    public ClientSessionStore clientSessionStore() { return clientSessionStore; }
    public RandomSource random() { return random; }
    public Clock clock() { return clock; }
    public TlsObserver observer() { return observer; }
    public boolean allowRenegotiation() { return allowRenegotiation; }
    /** The smallest ephemeral DH prime a client accepts: the security level's minimum, or the configured one if larger. */
    public int minDhBits() { return Math.max(minDhBits, securityLevel.minimumDhBits()); }
    public CryptoProvider crypto() { return crypto; }
    public PublicKeyCrypto publicKeyCrypto() { return publicKeyCrypto; }
    /** The research hook on outgoing handshake messages, or null. */
    public org.layeredtls.handshake.intercept.HandshakeInterceptor handshakeInterceptor() { return handshakeInterceptor; }
    /** The research hook on outgoing records, or null. */
    public org.layeredtls.handshake.intercept.RecordInterceptor recordInterceptor() { return recordInterceptor; }
    // security level
    /** The security level (default {@link SecurityLevel#DEFAULT}, 2): what is strong enough, in one place. */
    public SecurityLevel securityLevel() { return securityLevel; }
    // limits and policies against hostile peers (see the builder methods for what each means)
    /** How long a handshake may take before it ends with a fatal handshake_failure (default 30 s). */
    public java.time.Duration handshakeTimeout() { return handshakeTimeout; }
    /** How long close() waits for the peer's close_notify (or end of stream) after sending its own (default 1 s). */
    public java.time.Duration closeTimeout() { return closeTimeout; }
    /** The count of consecutive warning alerts that ends the connection with unexpected_message (default 5). */
    public int warningAlertLimit() { return warningAlertLimit; }
    /** The most consecutive empty records accepted; one more ends the connection with unexpected_message (default 32). */
    public int emptyRecordLimit() { return emptyRecordLimit; }
    /** The largest Certificate message body accepted, in bytes (default 102,400: OpenSSL's max_cert_list). */
    public int maxCertificateList() { return maxCertificateList; }
    /** Whether a server accepts renegotiation started by the client (default false, as OpenSSL 3). */
    public boolean clientRenegotiation() { return clientRenegotiation; }
    /** How many client-initiated renegotiations a server accepts per {@link #clientRenegotiationWindow()} (default 3). */
    public int clientRenegotiationLimit() { return clientRenegotiationLimit; }
    /** The window {@link #clientRenegotiationLimit()} counts over (default 60 s). */
    public java.time.Duration clientRenegotiationWindow() { return clientRenegotiationWindow; }
    // legacy record formats: SSLv2-compatible ClientHello, BEAST 1/n-1 split
    /** Whether a server accepts a first record in the SSL 2.0 format holding a ClientHello (RFC 5246 Appendix E.2). */
    public boolean acceptSslv2ClientHello() { return acceptSslv2ClientHello; }
    /** Whether SSL 3.0/TLS 1.0 CBC application data is sent split 1/n-1 (the BEAST countermeasure). */
    public boolean cbcRecordSplitting() { return cbcRecordSplitting; }
    // peer certificate verifier (JSSE trust managers)
    /**
     * Who decides whether the peer's certificate chain is trusted, or null (the default): this stack's own
     * path validation to {@link #trustAnchors()} and host-name check.
     */
    public PeerCertificateVerifier peerCertificateVerifier() { return peerCertificateVerifier; }
    // ALPN selector (JSSE setHandshakeApplicationProtocolSelector)
    /** Who chooses a server's application protocol, or null (the default): the first of {@link #alpn()} the client offers. */
    public ApplicationProtocolSelector alpnSelector() { return alpnSelector; }
    // incoming interceptors
    /** The research hook on the peer's handshake messages, or null (the default: none). */
    public org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor incomingHandshakeInterceptor() { return incomingHandshakeInterceptor; }
    /** The research hook on the peer's records as they come off the wire, or null (the default: none). */
    public org.layeredtls.handshake.intercept.IncomingRecordInterceptor incomingRecordInterceptor() { return incomingRecordInterceptor; }
    // server connections under load (CWMP ACS: many devices at once)
    /** How long a server waits for the next bytes of an established connection before it closes it (default 60 s). */
    public java.time.Duration idleTimeout() { return idleTimeout; }
    /** How many connections the kernel may hold, not yet accepted, for a listening server (default 511, as nginx). */
    public int acceptBacklog() { return acceptBacklog; }
    // crypto backend
    /**
     * The backend {@link #crypto()} is (default {@link CryptoBackend#BOUNCY_CASTLE}, see
     * {@link Builder#cryptoBackend}), or null when {@link Builder#crypto} plugged in a provider of
     * its own.
     */
    public CryptoBackend cryptoBackend() {
        for (CryptoBackend backend : CryptoBackend.values()) {
            if (backend.provider() == crypto) {
                return backend;
            }
        }
        return null;
    }

    // TLS 1.3
    /** The TLS 1.3 suites offered or chosen, in preference order (OpenSSL's {@code -ciphersuites}), as far as the level allows. */
    public List<CipherSuite> tls13CipherSuites() { return tls13CipherSuites; }
    /**
     * The groups a TLS 1.3 client sends key shares for in its first ClientHello (default X25519MLKEM768 and
     * x25519), those of {@link #namedGroups()} (the supported_groups it offers) only, in that order.
     */
    public List<NamedGroup> keyShareGroups() {
        return keyShareGroups.stream().filter(namedGroups()::contains).toList();
    }
    /** Whether TLS 1.3 middlebox compatibility mode is on (RFC 8446 §D.4; default true, as OpenSSL). */
    public boolean middleboxCompatibility() { return middleboxCompatibility; }
    /** Records protected under one TLS 1.3 traffic key before we send a KeyUpdate (default 2^24, RFC 8446 §5.5). */
    public long keyUpdateRecordLimit() { return keyUpdateRecordLimit; }
    /** NewSessionTicket messages a TLS 1.3 server sends after its handshake (default 2, as OpenSSL; 0: none). */
    public int tls13TicketCount() { return sessionTickets() ? tls13TicketCount : 0; }
    /** How many zeros pad each TLS 1.3 record's TLSInnerPlaintext (RFC 8446 §5.4; default none). */
    public org.layeredtls.record.PaddingPolicy paddingPolicy() { return paddingPolicy; }
    // post-handshake client authentication
    /** Whether a TLS 1.3 client offers post_handshake_auth (RFC 8446 §4.2.6; default false, as OpenSSL without -enable_pha). */
    public boolean postHandshakeAuth() { return postHandshakeAuth; }
    // TLS 1.3 negotiation and resumption: HelloRetryRequest cookie, PSK key exchange modes, ticket age
    /** Whether a TLS 1.3 server's HelloRetryRequest carries a cookie (default {@link HelloRetryCookie#OFF}, as OpenSSL). */
    public HelloRetryCookie helloRetryCookie() { return helloRetryCookie; }
    /** The HMAC-SHA256 key of HelloRetryRequest cookies (a copy; null with {@link HelloRetryCookie#OFF} and no key set). */
    public byte[] helloRetryCookieKey() { return helloRetryCookieKey == null ? null : helloRetryCookieKey.clone(); }
    /**
     * The PSK key exchange modes (RFC 8446 §4.2.9) a client offers, in this order, and a server accepts, in
     * this order of preference (default psk_dhe_ke only, as OpenSSL without {@code -allow_no_dhe_kex}).
     */
    public List<org.layeredtls.handshake.extension.PskKeyExchangeMode> pskKeyExchangeModes() { return pskKeyExchangeModes; }
    /** How far the ticket age a client reports may be from the server's own measure (default 10 s, RFC 8446 §8.3). */
    public java.time.Duration ticketAgeTolerance() { return ticketAgeTolerance; }
    // 0-RTT early data
    /**
     * Server: the max_early_data_size its TLS 1.3 tickets announce and the 0-RTT bytes it reads (RFC 8446
     * §4.2.10, §4.6.1; OpenSSL's {@code -max_early_data}); default 0: no early data is accepted.
     */
    public long maxEarlyData() { return maxEarlyData; }
    /**
     * Server: how many bytes of a client's rejected 0-RTT records it skips before it gives up (RFC 8446
     * §4.2.10; default 16384, OpenSSL's recv_max_early_data), or {@link #maxEarlyData()} if larger.
     */
    public long rejectedEarlyDataLimit() { return Math.max(rejectedEarlyDataLimit, maxEarlyData); }
    /** Server: the tickets that have carried 0-RTT data (RFC 8446 §8.1: each one once only). */
    public org.layeredtls.handshake.session.SingleUseTickets earlyDataTickets() { return earlyDataTickets; }

    /** Whether {@code version} lies in the configured range. */
    public boolean allows(ProtocolVersion version) {
        return version.compareTo(minVersion()) >= 0 && version.compareTo(maxVersion) <= 0
                && securityLevel.permitsVersion(version);
    }

    /** Builds a {@link TlsConfig}. */
    public static final class Builder {
        private ProtocolVersion minVersion = ProtocolVersion.TLS1_2;
        private ProtocolVersion maxVersion = ProtocolVersion.TLS1_3;
        private List<CipherSuite> cipherSuites = new ArrayList<>(DEFAULT_SUITES);
        private List<NamedGroup> namedGroups = new ArrayList<>(DEFAULT_GROUPS);
        private List<SignatureScheme> signatureSchemes = new ArrayList<>(DEFAULT_SIGNATURE_SCHEMES);
        private List<CertifiedKey> certifiedKeys = new ArrayList<>();
        private List<Certificate> trustAnchors = new ArrayList<>();
        private ClientAuth clientAuth = ClientAuth.NONE;
        private String serverName;
        private boolean verifyPeer = true;
        private List<String> alpn = new ArrayList<>();
        private List<CompressionMethod> compression = new ArrayList<>(List.of(CompressionMethod.NULL));
        private int maxFragmentLength;
        private boolean sessionTickets = true;
        private boolean extendedMasterSecret = true;
        private boolean encryptThenMac = true;
        private SessionCache sessionCache;
        private TicketProtector ticketProtector;
        private ClientSessionStore clientSessionStore;
        private RandomSource random = new SecureRandomSource();
        private Clock clock = Clock.systemUTC();
        private TlsObserver observer = TlsObserver.NONE;
        private boolean allowRenegotiation = true;
        private int minDhBits;
        private CryptoProvider crypto = CryptoProvider.defaultProvider();
        private PublicKeyCrypto publicKeyCrypto = PublicKeyCrypto.defaultImplementation();
        private org.layeredtls.handshake.intercept.HandshakeInterceptor handshakeInterceptor;
        private org.layeredtls.handshake.intercept.RecordInterceptor recordInterceptor;
        // security level
        private SecurityLevel securityLevel = SecurityLevel.DEFAULT;
        // limits and policies against hostile peers
        private java.time.Duration handshakeTimeout = java.time.Duration.ofSeconds(30);
        private java.time.Duration closeTimeout = java.time.Duration.ofSeconds(1);
        private int warningAlertLimit = 5;
        private int emptyRecordLimit = 32;
        private int maxCertificateList = org.layeredtls.handshake.message.HandshakeMessageLimits.DEFAULT_MAX_CERTIFICATE_LIST;
        private boolean clientRenegotiation;
        private int clientRenegotiationLimit = 3;
        private java.time.Duration clientRenegotiationWindow = java.time.Duration.ofSeconds(60);
        // legacy record formats: SSLv2-compatible ClientHello, BEAST 1/n-1 split
        private boolean acceptSslv2ClientHello = true;
        private boolean cbcRecordSplitting = true;
        // peer certificate verifier (JSSE trust managers)
        private PeerCertificateVerifier peerCertificateVerifier;
        // ALPN selector (JSSE setHandshakeApplicationProtocolSelector)
        private ApplicationProtocolSelector alpnSelector;
        // incoming interceptors
        private org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor incomingHandshakeInterceptor;
        private org.layeredtls.handshake.intercept.IncomingRecordInterceptor incomingRecordInterceptor;
        // server connections under load (CWMP ACS: many devices at once)
        private java.time.Duration idleTimeout = java.time.Duration.ofSeconds(60);
        private int acceptBacklog = 511;
        // TLS 1.3
        private List<CipherSuite> tls13CipherSuites = new ArrayList<>(DEFAULT_TLS13_SUITES);
        private List<NamedGroup> keyShareGroups = new ArrayList<>(DEFAULT_KEY_SHARE_GROUPS);
        private boolean middleboxCompatibility = true;
        private long keyUpdateRecordLimit = DEFAULT_KEY_UPDATE_RECORD_LIMIT;
        private int tls13TicketCount = DEFAULT_TLS13_TICKET_COUNT;
        private org.layeredtls.record.PaddingPolicy paddingPolicy = org.layeredtls.record.PaddingPolicy.NONE;
        // post-handshake client authentication
        private boolean postHandshakeAuth;
        // TLS 1.3 negotiation and resumption: HelloRetryRequest cookie, PSK key exchange modes, ticket age
        private HelloRetryCookie helloRetryCookie = HelloRetryCookie.OFF;
        private byte[] helloRetryCookieKey;
        private List<org.layeredtls.handshake.extension.PskKeyExchangeMode> pskKeyExchangeModes =
                new ArrayList<>(List.of(org.layeredtls.handshake.extension.PskKeyExchangeMode.PSK_DHE_KE));
        private java.time.Duration ticketAgeTolerance = DEFAULT_TICKET_AGE_TOLERANCE;
        // 0-RTT early data
        private long maxEarlyData = 0;
        private long rejectedEarlyDataLimit = DEFAULT_REJECTED_EARLY_DATA_LIMIT;
        private int earlyDataTicketMemory = DEFAULT_EARLY_DATA_TICKET_MEMORY;
        private org.layeredtls.handshake.session.SingleUseTickets earlyDataTickets;

        private Builder() {
        }

        /**
         * The range of versions this side speaks (default TLS 1.2 to TLS 1.3, 1.3 preferred, as OpenSSL);
         * below TLS 1.2 also needs {@code .securityLevel(0)}.
         */
        public Builder versions(ProtocolVersion min, ProtocolVersion max) {
            if (min.compareTo(max) > 0 || min.compareTo(ProtocolVersion.SSL3_0) < 0 || max.compareTo(ProtocolVersion.TLS1_3) > 0) {
                throw new IllegalArgumentException("versions must satisfy SSL 3.0 <= min <= max <= TLS 1.3");
            }
            this.minVersion = min;
            this.maxVersion = max;
            return this;
        }

        /** The cipher suites, in preference order (a server picks by its own order). */
        public Builder cipherSuites(List<CipherSuite> suites) {
            if (suites.isEmpty()) {
                throw new IllegalArgumentException("at least one cipher suite");
            }
            this.cipherSuites = new ArrayList<>(suites);
            return this;
        }

        public Builder cipherSuites(CipherSuite... suites) {
            return cipherSuites(List.of(suites));
        }

        /**
         * The supported_groups, in preference order (OpenSSL's {@code -groups}; default {@link #DEFAULT_GROUPS}).
         * TLS 1.2 ECDHE takes only the elliptic curves of them; TLS 1.3 takes every group with a key share.
         */
        public Builder namedGroups(NamedGroup... groups) {
            this.namedGroups = new ArrayList<>(List.of(groups));
            return this;
        }

        /** The TLS 1.2 signature schemes, in preference order; SHA-1 ones only when named here, and only at security level 0. */
        public Builder signatureSchemes(SignatureScheme... schemes) {
            if (schemes.length == 0) {
                throw new IllegalArgumentException("at least one signature scheme");
            }
            for (SignatureScheme scheme : schemes) {
                if (scheme.tlsCode() < 0) {
                    throw new IllegalArgumentException(scheme + " is not a TLS 1.2 signature scheme");
                }
            }
            this.signatureSchemes = new ArrayList<>(List.of(schemes));
            return this;
        }

        /** A certificate chain (leaf first) and its key; call twice to offer both RSA and ECDSA. */
        public Builder certificate(List<Certificate> chain, PrivateKey key) {
            this.certifiedKeys.add(new CertifiedKey(chain, key));
            return this;
        }

        public Builder trustAnchors(List<Certificate> anchors) {
            this.trustAnchors = new ArrayList<>(anchors);
            return this;
        }

        public Builder clientAuth(ClientAuth mode) {
            this.clientAuth = mode;
            return this;
        }

        public Builder serverName(String hostName) {
            this.serverName = hostName;
            return this;
        }

        /** Whether the client checks the server's chain and name (default true). */
        public Builder verifyPeer(boolean verify) {
            this.verifyPeer = verify;
            return this;
        }

        public Builder alpn(String... protocols) {
            this.alpn = new ArrayList<>(List.of(protocols));
            return this;
        }

        /** The compression methods, in preference order; null is always added last. */
        public Builder compression(CompressionMethod... methods) {
            this.compression = new ArrayList<>(List.of(methods));
            this.compression.remove(CompressionMethod.NULL);
            this.compression.add(CompressionMethod.NULL);
            return this;
        }

        /** The RFC 6066 max_fragment_length a client asks for: 512, 1024, 2048 or 4096. */
        public Builder maxFragmentLength(int length) {
            if (length != 0 && length != 512 && length != 1024 && length != 2048 && length != 4096) {
                throw new IllegalArgumentException("max_fragment_length is 512, 1024, 2048 or 4096 (RFC 6066 §4)");
            }
            this.maxFragmentLength = length;
            return this;
        }

        public Builder sessionTickets(boolean enabled) {
            this.sessionTickets = enabled;
            return this;
        }

        public Builder extendedMasterSecret(boolean enabled) {
            this.extendedMasterSecret = enabled;
            return this;
        }

        public Builder encryptThenMac(boolean enabled) {
            this.encryptThenMac = enabled;
            return this;
        }

        public Builder sessionCache(SessionCache cache) {
            this.sessionCache = cache;
            return this;
        }

        public Builder ticketProtector(TicketProtector protector) {
            this.ticketProtector = protector;
            return this;
        }

        public Builder clientSessionStore(ClientSessionStore store) {
            this.clientSessionStore = store;
            return this;
        }

        /** Where randomness comes from; inject a deterministic source for reproducible runs. */
        public Builder random(RandomSource random) {
            this.random = random;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder observer(TlsObserver observer) {
            this.observer = observer == null ? TlsObserver.NONE : observer;
            return this;
        }

        /** Whether secure (RFC 5746) renegotiation is accepted and may be started; insecure renegotiation never is. */
        public Builder allowRenegotiation(boolean allow) {
            this.allowRenegotiation = allow;
            return this;
        }

        /**
         * A smallest finite-field DH group a client accepts, above the security level's (default: none
         * of its own, the level decides: 1024 bits at levels 0 and 1, 2048 at level 2, 3072 at level 3).
         * It can only make the level stricter.
         */
        public Builder minDhBits(int bits) {
            this.minDhBits = bits;
            return this;
        }

        public Builder crypto(CryptoProvider crypto, PublicKeyCrypto publicKeyCrypto) {
            this.crypto = crypto;
            this.publicKeyCrypto = publicKeyCrypto;
            return this;
        }

        /** Research hook: sees, and may change, drop or add to, every handshake message and CCS we send (null = none). */
        public Builder handshakeInterceptor(org.layeredtls.handshake.intercept.HandshakeInterceptor interceptor) {
            this.handshakeInterceptor = interceptor;
            return this;
        }

        /** Research hook: sees, and may rewrite, drop or add to, every record we write (null = none). */
        public Builder recordInterceptor(org.layeredtls.handshake.intercept.RecordInterceptor interceptor) {
            this.recordInterceptor = interceptor;
            return this;
        }

        // limits and policies against hostile peers (README "Limits and policies")

        /**
         * How long a handshake may take, from its start to the Finished that completes it (default
         * 30 s). When it runs out, the connection
         * ends with a fatal {@code handshake_failure}: a stalled peer cannot hold a server, and a
         * dropped Finished no longer hangs a client. Applies to renegotiations too, from their
         * ClientHello on.
         */
        public Builder handshakeTimeout(java.time.Duration timeout) {
            this.handshakeTimeout = positive(timeout, "handshake timeout");
            return this;
        }

        /**
         * How long {@code close()} waits, after sending close_notify, for the peer's close_notify
         * or end of stream before it closes the socket (default 1 s): closing with the peer's
         * close_notify still in flight makes the peer's TCP see a reset (RFC 5246 §7.2.1).
         * {@code Duration.ZERO} closes at once.
         */
        public Builder closeTimeout(java.time.Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("the close timeout may not be negative");
            }
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * The count of warning alerts in a row (no other record between them) at which the
         * connection ends with a fatal {@code unexpected_message} (default 5: OpenSSL's
         * {@code MAX_WARN_ALERT_COUNT}, the 5th ends it).
         */
        public Builder warningAlertLimit(int count) {
            this.warningAlertLimit = atLeastOne(count, "warning alert limit");
            return this;
        }

        /**
         * The most empty records accepted in a row; one more ends the connection with a fatal
         * {@code unexpected_message} (default 32: OpenSSL's {@code MAX_EMPTY_RECORDS}, the 33rd
         * ends it).
         */
        public Builder emptyRecordLimit(int count) {
            this.emptyRecordLimit = atLeastOne(count, "empty record limit");
            return this;
        }

        /**
         * The largest Certificate message body accepted (default 102,400 bytes: OpenSSL's
         * {@code max_cert_list}); a longer one is refused from its header with
         * {@code illegal_parameter}, as OpenSSL does ("excessive message size").
         */
        public Builder maxCertificateList(int bytes) {
            if (bytes < 3 || bytes > 0xFFFFFF) {
                throw new IllegalArgumentException("max_cert_list must be 3..2^24-1 bytes, not " + bytes);
            }
            this.maxCertificateList = bytes;
            return this;
        }

        /**
         * Whether a server accepts a renegotiation the client starts (default false, as OpenSSL 3
         * without {@code SSL_OP_ALLOW_CLIENT_RENEGOTIATION}: the ClientHello is answered with a
         * warning {@code no_renegotiation}). Server-initiated renegotiation is
         * {@link #allowRenegotiation(boolean)}'s business.
         */
        public Builder clientRenegotiation(boolean allow) {
            this.clientRenegotiation = allow;
            return this;
        }

        /**
         * When client renegotiation is allowed: at most {@code count} per {@code window} on one
         * connection (default 3 per 60 s); one more is refused with a warning
         * {@code no_renegotiation}, as if it were not allowed, and the connection goes on.
         */
        public Builder clientRenegotiationLimit(int count, java.time.Duration window) {
            this.clientRenegotiationLimit = atLeastOne(count, "client renegotiation limit");
            this.clientRenegotiationWindow = positive(window, "client renegotiation window");
            return this;
        }

        private static java.time.Duration positive(java.time.Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
            }
            return d;
        }

        private static int atLeastOne(int count, String what) {
            if (count < 1) {
                throw new IllegalArgumentException("the " + what + " must be at least 1, not " + count);
            }
            return count;
        }

        // legacy record formats: SSLv2-compatible ClientHello, BEAST 1/n-1 split

        /**
         * Whether a server accepts an SSLv2-compatible ClientHello (RFC 5246 Appendix E.2) as the first
         * record of a connection, as OpenSSL does. Default true. It offers no extensions, so it can
         * only lead to a handshake without them (no extended master secret, no SNI, implied
         * signature algorithms). Off: such a record is an unknown content type, {@code unexpected_message}.
         */
        public Builder acceptSslv2ClientHello(boolean accept) {
            this.acceptSslv2ClientHello = accept;
            return this;
        }

        /**
         * Whether application data under SSL 3.0 or TLS 1.0 with a CBC suite is sent as a record of
         * one byte, then the rest (the 1/n-1 split against BEAST, as NSS and the JDK do). Default
         * true. It never applies to TLS 1.1 and later, stream ciphers or AEAD.
         */
        public Builder cbcRecordSplitting(boolean split) {
            this.cbcRecordSplitting = split;
            return this;
        }

        // security level
        /**
         * The security level, 0 to 5, as OpenSSL's (default 2): the minimum strength of keys, groups,
         * signatures and suites, and the versions and features it rules out ({@link SecurityLevel}).
         * SSL 3.0, TLS 1.0/1.1, SHA-1 signatures and NULL suites need level 0, as in OpenSSL 3.0.
         */
        public Builder securityLevel(int level) {
            this.securityLevel = SecurityLevel.of(level);
            return this;
        }

        // peer certificate verifier (JSSE trust managers) and java.security key stores (org.layeredtls.handshake.jca)

        /**
         * Hands the decision on the peer's certificate chain to {@code verifier} in place of this stack's own
         * path validation and host-name check (default null: our own, to {@link #trustAnchors(List)}). The
         * JSSE provider plugs a {@code X509TrustManager} in here. The key type and key usage checks of
         * RFC 5246 §7.4.2 still apply; on the client, {@link #verifyPeer(boolean) verifyPeer(false)} still
         * skips every check.
         */
        public Builder peerCertificateVerifier(PeerCertificateVerifier verifier) {
            this.peerCertificateVerifier = verifier;
            return this;
        }

        /**
         * Adds the private key entry {@code alias} of a PKCS#12 or JKS key store (null: its only key entry)
         * with its chain, as {@link #certificate(List, PrivateKey)} does.
         */
        public Builder keyStore(java.security.KeyStore store, char[] password, String alias) throws java.io.IOException {
            CertifiedKey key = org.layeredtls.handshake.jca.KeyStoreReader.certifiedKey(store, password, alias);
            return certificate(key.chain(), key.privateKey());
        }

        /** Trusts the trusted certificate entries of a PKCS#12 or JKS key store, as {@link #trustAnchors(List)} does. */
        public Builder trustStore(java.security.KeyStore store) throws java.io.IOException {
            return trustAnchors(org.layeredtls.handshake.jca.KeyStoreReader.trustAnchors(store));
        }

        // ALPN selector (JSSE setHandshakeApplicationProtocolSelector)

        /**
         * A server's application protocol is chosen by {@code selector} from what the client offers (RFC 7301
         * §3.2), in place of the first of {@link #alpn(String...)} the client offers (default null: that list).
         * The JSSE provider plugs {@code SSLEngine.setHandshakeApplicationProtocolSelector} in here.
         */
        public Builder alpnSelector(ApplicationProtocolSelector selector) {
            this.alpnSelector = selector;
            return this;
        }

        // incoming interceptors
        /**
         * A research hook that sees each of the peer's handshake messages (reassembled, decrypted)
         * before the state machine does, and decides what it processes: pass, replace, drop, delay or
         * inject (see {@link org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor}). Default
         * none. What the state machine processes is what it hashes.
         */
        public Builder incomingHandshakeInterceptor(org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor interceptor) {
            this.incomingHandshakeInterceptor = interceptor;
            return this;
        }

        /**
         * A research hook that sees each of the peer's records as it came off the wire (header and
         * protected fragment) before the record layer does, and returns the bytes the record layer
         * reads instead (see {@link org.layeredtls.handshake.intercept.IncomingRecordInterceptor}). Default none.
         */
        public Builder incomingRecordInterceptor(org.layeredtls.handshake.intercept.IncomingRecordInterceptor interceptor) {
            this.incomingRecordInterceptor = interceptor;
            return this;
        }

        // server connections under load (CWMP ACS: many devices at once)

        /**
         * How long a server waits for the next bytes of an established connection, after its
         * handshake: the next request, or the rest of one cut short (default 60 s). When it runs
         * out, the server closes that connection only: a peer that stalls, or stops in the middle
         * of a message, cannot hold a thread for ever. The handshake has its own bound,
         * {@link #handshakeTimeout(java.time.Duration)}.
         */
        public Builder idleTimeout(java.time.Duration timeout) {
            this.idleTimeout = positive(timeout, "idle timeout");
            return this;
        }

        /**
         * How many connections the kernel may queue for a listening server before it accepts them
         * (default 511, nginx's; the JDK's {@code ServerSocket} default of 50 is too small for a
         * burst: 230 CPEs connecting at once to a busy 2-core ACS overflowed it 1,321 times and 7
         * sessions failed with a connection reset). Beyond it the kernel drops connections. Linux caps
         * it at {@code net.core.somaxconn} (4096 since kernel 5.4, 128 before).
         */
        public Builder acceptBacklog(int connections) {
            this.acceptBacklog = atLeastOne(connections, "accept backlog");
            return this;
        }

        // crypto backend
        /**
         * Which implementation behind the crypto seam protects the records and computes the PRF, the
         * transcript hashes and the Finished MACs: {@link CryptoBackend#BOUNCY_CASTLE} (the default,
         * BouncyCastle's lightweight API, as the design says) or {@link CryptoBackend#JDK}
         * ({@code javax.crypto} and {@code java.security}, which run on the CPU's AES-NI, CLMUL and
         * SHA instructions). Both give the same bytes; the JDK's is about 45 times faster on AES-GCM
         * records and about 10 times on AES-CBC ones (benchmarks/README.md). Signatures and key exchange stay with the {@code PublicKeyCrypto} of
         * {@link #crypto} (BouncyCastle by default). The CLI's {@code -crypto bc|jdk}.
         */
        public Builder cryptoBackend(CryptoBackend backend) {
            this.crypto = java.util.Objects.requireNonNull(backend, "backend").provider();
            return this;
        }

        // TLS 1.3

        /**
         * The highest version this side speaks, keeping the lowest (default TLS 1.3, with TLS 1.2 negotiated
         * when the peer speaks no TLS 1.3). {@code TLS1_2} pins TLS 1.2 (the lowest comes down with it).
         */
        public Builder maxVersion(ProtocolVersion max) {
            return versions(minVersion.compareTo(max) > 0 ? max : minVersion, max);
        }

        /** The TLS 1.3 suites, in preference order (OpenSSL's {@code -ciphersuites}; default {@link #DEFAULT_TLS13_SUITES}). */
        public Builder tls13CipherSuites(List<CipherSuite> suites) {
            if (suites.isEmpty() || !suites.stream().allMatch(CipherSuite::isTls13)) {
                throw new IllegalArgumentException("TLS 1.3 suites only, at least one: " + suites);
            }
            this.tls13CipherSuites = new ArrayList<>(suites);
            return this;
        }

        public Builder tls13CipherSuites(CipherSuite... suites) {
            return tls13CipherSuites(List.of(suites));
        }

        /**
         * The groups a TLS 1.3 client sends key shares for in its first ClientHello (default
         * {@link #DEFAULT_KEY_SHARE_GROUPS}: X25519MLKEM768 and x25519); a server takes its own first group
         * the client sent a share for, and asks with HelloRetryRequest only when there is none it takes.
         */
        public Builder keyShareGroups(NamedGroup... groups) {
            this.keyShareGroups = new ArrayList<>(List.of(groups));
            return this;
        }

        /**
         * TLS 1.3 middlebox compatibility mode (RFC 8446 §D.4; default true, as OpenSSL): a client sends a
         * 32-byte legacy_session_id and both sides send a change_cipher_spec before their first protected
         * record, so the handshake looks like a TLS 1.2 resumption to a middlebox.
         */
        public Builder middleboxCompatibility(boolean enabled) {
            this.middleboxCompatibility = enabled;
            return this;
        }

        /**
         * How many records we protect under one TLS 1.3 traffic key before we send KeyUpdate and change it
         * (default 2^24: RFC 8446 §5.5 allows AES-GCM 2^24.5 full-size records).
         */
        public Builder keyUpdateRecordLimit(long records) {
            if (records < 1) {
                throw new IllegalArgumentException("the key update record limit must be at least 1, not " + records);
            }
            this.keyUpdateRecordLimit = records;
            return this;
        }

        /** How many NewSessionTicket messages a TLS 1.3 server sends after its handshake (default 2, OpenSSL's; 0: none). */
        public Builder tls13TicketCount(int tickets) {
            if (tickets < 0) {
                throw new IllegalArgumentException("the ticket count may not be negative, not " + tickets);
            }
            this.tls13TicketCount = tickets;
            return this;
        }

        /**
         * How many zeros pad each TLS 1.3 record (RFC 8446 §5.4: padding hides the length of what is sent;
         * default {@code PaddingPolicy.NONE}, as OpenSSL; {@code PaddingPolicy.padToMultipleOf(n)} to show it).
         */
        public Builder paddingPolicy(org.layeredtls.record.PaddingPolicy policy) {
            this.paddingPolicy = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        // post-handshake client authentication

        /**
         * Whether a TLS 1.3 client offers post_handshake_auth (RFC 8446 §4.2.6; default false, as OpenSSL without
         * {@code -enable_pha}): the server may then ask for our certificate at any time after the handshake, and we
         * answer with Certificate, CertificateVerify and Finished (§4.6.2). A client that did not offer it takes a
         * post-handshake CertificateRequest as unexpected_message.
         */
        public Builder postHandshakeAuth(boolean offer) {
            this.postHandshakeAuth = offer;
            return this;
        }

        // TLS 1.3 negotiation and resumption: HelloRetryRequest cookie, PSK key exchange modes, ticket age

        /**
         * Whether a TLS 1.3 server's HelloRetryRequest carries a cookie that holds ClientHello1's hash under
         * our HMAC (RFC 8446 §4.2.2; default {@link HelloRetryCookie#OFF}, as OpenSSL; {@link HelloRetryCookie#STATELESS}
         * is {@code s_server -stateless}). A second ClientHello without it is missing_extension, with another
         * illegal_parameter.
         */
        public Builder helloRetryCookie(HelloRetryCookie mode) {
            this.helloRetryCookie = java.util.Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The HMAC-SHA256 key that protects cookies (32 bytes; default: drawn from {@link #random} when the
         * configuration is built). Servers that share a key accept each other's cookies.
         */
        public Builder helloRetryCookieKey(byte[] key) {
            if (key.length != HELLO_RETRY_COOKIE_KEY_LENGTH) {
                throw new IllegalArgumentException("a cookie key is " + HELLO_RETRY_COOKIE_KEY_LENGTH + " bytes, not " + key.length);
            }
            this.helloRetryCookieKey = key.clone();
            return this;
        }

        /**
         * The PSK key exchange modes (RFC 8446 §4.2.9): a client offers these, a server resumes with the first of
         * these the client offers (default psk_dhe_ke only, as OpenSSL; adding {@code PSK_KE} is OpenSSL's
         * {@code -allow_no_dhe_kex}: a resumption without (EC)DHE, cheaper and without forward secrecy).
         */
        public Builder pskKeyExchangeModes(org.layeredtls.handshake.extension.PskKeyExchangeMode... modes) {
            if (modes.length == 0 || java.util.Set.of(modes).size() != modes.length) {
                throw new IllegalArgumentException("one PSK key exchange mode at least, each once: " + List.of(modes));
            }
            this.pskKeyExchangeModes = new ArrayList<>(List.of(modes));
            return this;
        }

        /**
         * How far the ticket age a client reports (its obfuscated_ticket_age minus the ticket's ticket_age_add)
         * may be from the time since the server issued the ticket (default 10 s, OpenSSL's allowance; RFC 8446
         * §8.3): beyond it, or past the ticket's lifetime, the server makes a full handshake instead.
         */
        public Builder ticketAgeTolerance(java.time.Duration tolerance) {
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("the ticket age tolerance cannot be negative: " + tolerance);
            }
            this.ticketAgeTolerance = tolerance;
            return this;
        }

        // 0-RTT early data

        /**
         * Server: accept up to {@code bytes} of TLS 1.3 0-RTT data on a resumption (RFC 8446 §4.2.10;
         * OpenSSL's {@code -max_early_data}; default 0: none). Early data can be replayed by an attacker:
         * each ticket carries it once only ({@link #earlyDataTicketMemory}), and the application reads it
         * apart, marked as early, to decide what it may do with it (RFC 8446 §8, §E.5).
         */
        public Builder maxEarlyData(long bytes) {
            if (bytes < 0 || bytes > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("max_early_data_size is a uint32, not " + bytes);
            }
            this.maxEarlyData = bytes;
            return this;
        }

        /** Server: the rejected 0-RTT bytes it skips (RFC 8446 §4.2.10; default 16384, OpenSSL's). */
        public Builder rejectedEarlyDataLimit(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the rejected early data limit may not be negative, not " + bytes);
            }
            this.rejectedEarlyDataLimit = bytes;
            return this;
        }

        /**
         * Server: how many tickets that carried 0-RTT data it remembers until they expire (default 100 000);
         * when full, early data is refused (the handshake goes on in one round trip) rather than risk a replay.
         */
        public Builder earlyDataTicketMemory(int tickets) {
            if (tickets < 0) {
                throw new IllegalArgumentException("the early data ticket memory may not be negative, not " + tickets);
            }
            this.earlyDataTicketMemory = tickets;
            this.earlyDataTickets = null;
            return this;
        }

        /** Server: share one memory of used 0-RTT tickets between configurations (one server, many configs). */
        public Builder earlyDataTickets(org.layeredtls.handshake.session.SingleUseTickets tickets) {
            this.earlyDataTickets = java.util.Objects.requireNonNull(tickets, "tickets");
            return this;
        }

        public TlsConfig build() {
            return new TlsConfig(this);
        }
    }
}
