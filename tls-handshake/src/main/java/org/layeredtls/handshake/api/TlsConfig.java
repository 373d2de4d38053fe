package org.layeredtls.handshake.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * {@link #builder()}. The defaults are those of a careful modern TLS 1.2 stack: TLS 1.2 only,
 * ECDHE with AEAD suites, no compression, extended master secret, encrypt-then-MAC, tickets,
 * secure renegotiation only, DH groups of at least 2048 bits. SSL 3.0, TLS 1.0/1.1 and the weak
 * suites (NULL, RC4, 3DES) exist for teaching and must be turned on by name.
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

    public static final List<NamedGroup> DEFAULT_GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1);

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
        // security level
        this.securityLevel = b.securityLevel;
        this.permittedCipherSuites = securityLevel.permittedSuites(cipherSuites);
        this.permittedNamedGroups = securityLevel.permittedGroups(namedGroups);
        this.permittedSignatureSchemes = securityLevel.permittedSignatures(signatureSchemes);
        this.permittedMinVersion = securityLevel.lowestPermittedVersion(minVersion, maxVersion).orElse(null);
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
        // security level
        b.securityLevel = securityLevel;
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

    /** Whether {@code version} lies in the configured range. */
    public boolean allows(ProtocolVersion version) {
        return version.compareTo(minVersion()) >= 0 && version.compareTo(maxVersion) <= 0
                && securityLevel.permitsVersion(version);
    }

    /** Builds a {@link TlsConfig}. */
    public static final class Builder {
        private ProtocolVersion minVersion = ProtocolVersion.TLS1_2;
        private ProtocolVersion maxVersion = ProtocolVersion.TLS1_2;
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

        private Builder() {
        }

        /** The range of versions this side speaks (default TLS 1.2 only). */
        public Builder versions(ProtocolVersion min, ProtocolVersion max) {
            if (min.compareTo(max) > 0 || min.compareTo(ProtocolVersion.SSL3_0) < 0 || max.compareTo(ProtocolVersion.TLS1_2) > 0) {
                throw new IllegalArgumentException("versions must satisfy SSL 3.0 <= min <= max <= TLS 1.2");
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

        public TlsConfig build() {
            return new TlsConfig(this);
        }
    }
}
