package org.layeredtls.handshake.research;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.vectors.Conversation;

/**
 * Our side's configuration for a conversation: the recorder and the replay build it here, from the
 * conversation's parameters alone, so both run exactly the same code with the same randomness.
 * One configuration serves all connections of a conversation (the session store or cache carries
 * the session from the first to the second).
 */
public final class ConversationConfigs {

    private ConversationConfigs() {
    }

    /** The version a conversation file names ({@code TLS1_0} to {@code TLS1_3}). */
    public static ProtocolVersion version(String name) {
        return switch (name) {
            case "TLS1_0" -> ProtocolVersion.TLS1_0;
            case "TLS1_1" -> ProtocolVersion.TLS1_1;
            case "TLS1_2" -> ProtocolVersion.TLS1_2;
            case "TLS1_3" -> ProtocolVersion.TLS1_3;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The name a conversation file gives {@code version}. */
    public static String versionName(ProtocolVersion version) {
        return "TLS1_" + (version.minor() - 1);
    }

    /** The suite of that IANA name. */
    public static CipherSuite suite(String ianaName) {
        return CipherSuite.fromName(ianaName).orElseThrow(() -> new IllegalArgumentException(ianaName));
    }

    /** The group of that name ({@link NamedGroup#rfcName()}, such as {@code x25519} or {@code secp256r1}). */
    public static NamedGroup group(String name) {
        return Arrays.stream(NamedGroup.values()).filter(g -> g.rfcName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** Our side's configuration for {@code c} (its version, suite, random label, clock and certificates), with {@code observer}. */
    public static TlsConfig ourConfig(Conversation c, TlsObserver observer) {
        Clock clock = Clock.fixed(c.clock(), ZoneOffset.UTC);
        ProtocolVersion version = version(c.version());
        TlsConfig.Builder b = TlsConfig.builder()
                .versions(version, version);
        if (c.isTls13()) {
            b.tls13CipherSuites(suite(c.suite()));
            tls13Groups(c, b);
        } else {
            b.cipherSuites(suite(c.suite()));
        }
        b.random(DeterministicRandomSource.fromLabel(c.randomLabel()))
                .clock(clock)
                .observer(observer)
                .minDhBits(1024)
                .securityLevel(0) // the level OpenSSL recorded them at (@SECLEVEL=0)
                .trustAnchors(List.of(ConversationPki.certificate("ca")));
        if (c.ours() == Conversation.Role.CLIENT) {
            b.serverName("localhost").clientSessionStore(new InMemoryClientSessionStore(8, clock));
            if (c.certificate().equals("client-rsa")) {
                b.certificate(List.of(ConversationPki.certificate("client-rsa")), ConversationPki.privateKey("client-rsa"));
            }
        } else {
            b.certificate(List.of(ConversationPki.certificate("server-rsa")), ConversationPki.privateKey("server-rsa"))
                    .certificate(List.of(ConversationPki.certificate("server-ec")), ConversationPki.privateKey("server-ec"))
                    .sessionCache(new InMemorySessionCache(8, Duration.ofHours(2), clock))
                    .ticketProtector(c.isTls13() ? tls13Tickets(c, clock) : null)
                    .clientAuth(c.clientAuth().equals("need") ? ClientAuth.NEED : ClientAuth.NONE);
        }
        return b.build();
    }

    /**
     * TLS 1.3 groups. Our client offers x25519, secp256r1, secp384r1 and sends its one x25519 share (the defaults
     * the conversations were recorded with, before the hybrid X25519MLKEM768 joined them), so a server that wants
     * {@code c.group()} asks for it with a HelloRetryRequest; our server takes {@code c.group()} only, so a client
     * whose first share is in another group gets a HelloRetryRequest from it.
     */
    private static void tls13Groups(Conversation c, TlsConfig.Builder b) {
        if (c.ours() == Conversation.Role.SERVER) {
            b.namedGroups(group(c.group()));
        } else {
            b.namedGroups(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1).keyShareGroups(NamedGroup.X25519);
        }
    }

    /** Our TLS 1.3 server's tickets, sealed with keys from their own deterministic source, so a replay seals the same bytes. */
    private static TicketProtector tls13Tickets(Conversation c, Clock clock) {
        return new TicketProtector(DeterministicRandomSource.fromLabel(c.randomLabel() + " tickets"), clock,
                Duration.ofHours(1), Duration.ofHours(2), CryptoProvider.defaultProvider());
    }
}
