package org.layeredtls.handshake.research;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.InMemorySessionCache;
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

    /** The version a conversation file names ({@code TLS1_0}, {@code TLS1_1}, {@code TLS1_2}). */
    public static ProtocolVersion version(String name) {
        return switch (name) {
            case "TLS1_0" -> ProtocolVersion.TLS1_0;
            case "TLS1_1" -> ProtocolVersion.TLS1_1;
            case "TLS1_2" -> ProtocolVersion.TLS1_2;
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

    /** Our side's configuration for {@code c} (its version, suite, random label, clock and certificates), with {@code observer}. */
    public static TlsConfig ourConfig(Conversation c, TlsObserver observer) {
        Clock clock = Clock.fixed(c.clock(), ZoneOffset.UTC);
        ProtocolVersion version = version(c.version());
        TlsConfig.Builder b = TlsConfig.builder()
                .versions(version, version)
                .cipherSuites(suite(c.suite()))
                .random(DeterministicRandomSource.fromLabel(c.randomLabel()))
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
                    .clientAuth(c.clientAuth().equals("need") ? ClientAuth.NEED : ClientAuth.NONE);
        }
        return b.build();
    }
}
