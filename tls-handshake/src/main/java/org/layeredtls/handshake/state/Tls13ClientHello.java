package org.layeredtls.handshake.state;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.Cookie;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.KeyShareEntry;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.PostHandshakeAuth;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.handshake.keyexchange.ClientKeyShare;
import org.layeredtls.handshake.keyexchange.KeyShareGroup;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.record.ProtocolVersion;

/**
 * What a client that speaks TLS 1.3 adds to its ClientHello (RFC 8446 §4.1.2, §4.2): supported_versions
 * (the real version list: legacy_version stays {3,3}), a key_share for each of
 * {@link TlsConfig#keyShareGroups()}, psk_key_exchange_modes; and the second ClientHello a
 * HelloRetryRequest asks for.
 */
final class Tls13ClientHello {

    private Tls13ClientHello() {
    }

    /** Whether this client offers TLS 1.3. */
    static boolean offered(TlsConfig config) {
        return config.allows(ProtocolVersion.TLS1_3) && !config.tls13CipherSuites().isEmpty();
    }

    /** RFC 8446 §4.2.1: the versions we speak, highest first. */
    static SupportedVersions.ClientHello supportedVersions(TlsConfig config) {
        List<ProtocolVersion> versions = new ArrayList<>();
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_1,
                ProtocolVersion.TLS1_0)) {
            if (config.allows(v)) {
                versions.add(v);
            }
        }
        return new SupportedVersions.ClientHello(versions);
    }

    /** The TLS 1.3 extensions of a first ClientHello; the key shares it makes are kept in {@code tls13}. */
    static List<ExtensionData> extensions(HandshakeContext context, Tls13Handshake tls13) {
        TlsConfig config = context.config;
        List<KeyShareEntry> shares = new ArrayList<>();
        for (NamedGroup group : config.keyShareGroups()) {
            KeyShareGroup.of(group, config.crypto()).ifPresent(keyShareGroup -> {
                ClientKeyShare share = keyShareGroup.generate(config.random());
                tls13.clientShares.put(group, share);
                shares.add(new KeyShareEntry(group, share.publicShare()));
            });
        }
        List<ExtensionData> list = new ArrayList<>();
        list.add(supportedVersions(config));
        list.add(new KeyShare.ClientHello(shares));
        list.add(Tls13Tickets.modes(config));
        if (config.postHandshakeAuth()) {
            list.add(new PostHandshakeAuth()); // RFC 8446 §4.2.6: the server may ask for our certificate later
        }
        Tls13Tickets.resumable(context).ifPresent(session -> {
            tls13.offeredSession = session;
            Tls13EarlyData.offer(context, tls13, session).ifPresent(list::add);
            list.add(Tls13Tickets.offer(context, session)); // RFC 8446 §4.2.11: the last extension
        });
        return list;
    }

    /**
     * RFC 8446 §4.1.2: the second ClientHello is the first with key_share holding one share for the
     * group the HelloRetryRequest selected (the same shares if it selected none: it asked for a cookie
     * only), a cookie if it sent one, and nothing else changed.
     */
    static ClientHello retry(HandshakeContext context, Tls13Handshake tls13, NamedGroup group, byte[] cookie)
            throws TlsAlertException {
        Extension keyShare = context.clientHello.extensionsOrEmpty().find(ExtensionType.KEY_SHARE).orElseThrow();
        if (group != null) {
            ClientKeyShare share = KeyShareGroup.of(group, context.config.crypto()).orElseThrow().generate(context.config.random());
            tls13.clientShares.clear();
            tls13.clientShares.put(group, share);
            keyShare = new KeyShare.ClientHello(List.of(new KeyShareEntry(group, share.publicShare()))).toExtension();
        }
        ClientHello first = context.clientHello;
        List<Extension> extensions = new ArrayList<>();
        for (Extension extension : first.extensionsOrEmpty().list()) {
            if (extension.type() == ExtensionType.KEY_SHARE.code()) {
                extensions.add(keyShare);
                if (cookie != null) {
                    extensions.add(new Cookie(cookie).toExtension());
                }
            } else if (extension.type() != ExtensionType.EARLY_DATA.code()) {
                extensions.add(extension);
            }
        }
        if (tls13.offeredSession != null && tls13.offeredSession.state().cipherSuite().prfHash() != tls13.hash) {
            // RFC 8446 §4.1.4: a PSK whose hash is not the HelloRetryRequest suite's is left out
            tls13.offeredSession = null;
            extensions.removeIf(e -> e.type() == ExtensionType.PRE_SHARED_KEY.code());
        }
        ClientHello second = new ClientHello(first.clientVersion(), first.random(), first.sessionId(), first.cipherSuites(),
                first.compressionMethods(), java.util.Optional.of(new Extensions(extensions)));
        return tls13.offeredSession == null ? second : Tls13Tickets.bind(context, tls13, second);
    }
}
