package org.layeredtls.handshake.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.research.MessageSubstitution;
import org.layeredtls.handshake.research.ReplaySocket;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * Our client and our server configured as RFC 8448's sides (NSS's): TLS 1.3 only, the RFC's suites and groups, its
 * certificate and key, trusted through {@link Rfc8448ServerTrust}, at a time within the certificate's validity.
 * Each replay adds the RFC's randomness and its {@link org.layeredtls.handshake.research.MessageSubstitution}.
 */
final class Rfc8448Sides {

    /** Within the validity of the RFC's certificates (2016-07-30 to 2026-07-30). */
    static final Clock WHEN_THE_RFC_WAS_WRITTEN = Clock.fixed(Instant.parse("2018-06-01T00:00:00Z"), ZoneOffset.UTC);
    /** RFC 8448's RSA keys are RSA-1024: 80 bits of security, OpenSSL's (and our) security level 1. */
    static final int RSA_1024_SECURITY_LEVEL = 1;
    /** Where our client keeps the session for the RFC's server: its SNI name, and the port an offline socket claims. */
    static final String SERVER_KEY = "server:4433";

    private Rfc8448Sides() {
    }

    /** Our server as the RFC's: §3's certificate and RSA key, x25519, TLS_AES_128_GCM_SHA256, no tickets. */
    static TlsConfig.Builder rfcServer() {
        return rfcServer(Rfc8448Trace.serverCertificate(), Rfc8448Trace.serverRsaKey());
    }

    /** Our server as the RFC's, with this certificate and key. */
    static TlsConfig.Builder rfcServer(Certificate certificate, PrivateKey key) {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .tls13CipherSuites(suite("TLS_AES_128_GCM_SHA256")).middleboxCompatibility(false)
                .namedGroups(NamedGroup.X25519).signatureSchemes(SignatureScheme.RSA_PSS_RSAE_SHA256)
                .certificate(List.of(certificate), key)
                .securityLevel(RSA_1024_SECURITY_LEVEL).clock(WHEN_THE_RFC_WAS_WRITTEN)
                .tls13TicketCount(0);
    }

    /** Our client as the RFC's (NSS): its three suites in its order, SNI "server", its nine groups, no compatibility mode. */
    static TlsConfig.Builder rfcClient() {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3)
                .tls13CipherSuites(suite("TLS_AES_128_GCM_SHA256"), suite("TLS_CHACHA20_POLY1305_SHA256"),
                        suite("TLS_AES_256_GCM_SHA384"))
                .middleboxCompatibility(false).serverName("server")
                .namedGroups(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1,
                        NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096, NamedGroup.FFDHE6144,
                        NamedGroup.FFDHE8192)
                .signatureSchemes(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.ECDSA_SHA256)
                .securityLevel(RSA_1024_SECURITY_LEVEL).clock(WHEN_THE_RFC_WAS_WRITTEN)
                .peerCertificateVerifier(new Rfc8448ServerTrust(List.of(Rfc8448Trace.serverCertificate()), WHEN_THE_RFC_WAS_WRITTEN,
                        RSA_1024_SECURITY_LEVEL, "rsa"));
    }

    static CipherSuite suite(String name) {
        return CipherSuite.fromName(name).orElseThrow();
    }

    /** A ticket protector whose keys come from {@code label}. */
    static TicketProtector ticketProtector(String label) {
        return new TicketProtector(DeterministicRandomSource.fromLabel(label), WHEN_THE_RFC_WAS_WRITTEN,
                Duration.ofHours(1), Duration.ofHours(2), CryptoProvider.defaultProvider());
    }

    /**
     * Runs our side over the peer's records up to the peer's close_notify, then closes (our close_notify); asserts our
     * side wrote exactly {@code ourRecords} ({@link ReplaySocket} fails at the first byte that differs, saying where).
     * Returns the session our side agreed.
     */
    static SessionInfo replayToClose(TlsConfig config, boolean client, byte[] peerRecords, byte[] ourRecords) throws IOException {
        ReplaySocket socket = new ReplaySocket(peerRecords, ourRecords, () -> Integer.MAX_VALUE);
        SessionInfo session;
        try (TlsSocket tls = client ? TlsSocket.client(socket, config) : TlsSocket.server(socket, config)) {
            tls.startHandshake();
            session = tls.session();
            assertEquals(-1, tls.getInputStream().read(), "the peer's close_notify ends its records");
        }
        assertArrayEquals(ourRecords, socket.written());
        return session;
    }

    /** The types of our own messages a hook replaced, in order. */
    static List<HandshakeType> replacedTypes(MessageSubstitution hook) {
        return hook.replaced().stream().map(OutgoingHandshakeMessage::type).toList();
    }
}
