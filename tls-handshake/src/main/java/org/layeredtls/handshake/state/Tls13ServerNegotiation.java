package org.layeredtls.handshake.state;

import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.ExtensionMessage;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.KeyShareEntry;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.handshake.keyexchange.KeyShareGroup;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * The server's TLS 1.3 choices from a ClientHello (RFC 8446 §4.1.1): the suite (our order), the
 * certificate and its signature scheme, and the key exchange group: one the client sent a share for, or
 * else one it supports, asked for with a HelloRetryRequest.
 */
final class Tls13ServerNegotiation {

    private Tls13ServerNegotiation() {
    }

    /** RFC 8446 §4.2.1: TLS 1.3 is negotiated only through supported_versions, never through legacy_version. */
    static boolean offersTls13(TlsConfig config, ClientHello hello) throws TlsAlertException {
        if (!Tls13ClientHello.offered(config)) {
            return false;
        }
        return hello.extensionsOrEmpty().find(ExtensionType.SUPPORTED_VERSIONS, SupportedVersions::decodeClientHello)
                .map(versions -> versions.offers(ProtocolVersion.TLS1_3)).orElse(false);
    }

    /**
     * Chooses everything but the key share; returns the client's share in the chosen group, or empty when
     * the client sent none for any group we would take (a HelloRetryRequest for {@code context.group}).
     */
    static Optional<KeyShareEntry> negotiate(HandshakeContext context, ClientHello hello) throws TlsAlertException {
        TlsConfig config = context.config;
        Extensions extensions = hello.extensionsOrEmpty();
        extensions.requireAllowedIn(ExtensionMessage.CLIENT_HELLO);
        if (hello.compressionMethods().size() != 1 || hello.compressionMethods().get(0) != 0) {
            // RFC 8446 §4.1.2: "this vector MUST contain exactly one byte, set to zero"
            throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER, "a TLS 1.3 ClientHello offers compression");
        }
        if (context.suite == null) { // a second ClientHello keeps the HelloRetryRequest's suite (RFC 8446 §4.1.4)
            context.suite = config.tls13CipherSuites().stream().filter(s -> hello.cipherSuites().contains(s.code()))
                    .findFirst().orElseThrow(() -> HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                            "no TLS 1.3 cipher suite in common"));
        } else if (!hello.cipherSuites().contains(context.suite.code())) {
            throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER, "the second ClientHello drops the chosen suite");
        }
        chooseCertificate(context, extensions);
        context.serverName = ServerNegotiation.requestedHostName(extensions);
        ServerNegotiation.chooseApplicationProtocol(context, extensions);
        return chooseGroup(context, extensions);
    }

    // RFC 8446 §4.4.2.2: a certificate whose key can sign with a scheme the client offered
    private static void chooseCertificate(HandshakeContext context, Extensions extensions) throws TlsAlertException {
        List<Integer> offered = extensions.find(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithms::decode)
                .map(SignatureAlgorithms::schemes)
                // RFC 8446 §9.2: a certificate-authenticated ClientHello must have signature_algorithms
                .orElseThrow(() -> HandshakeContext.alert(AlertDescription.MISSING_EXTENSION,
                        "the ClientHello has no signature_algorithms"));
        for (CertifiedKey key : context.config.certifiedKeys()) {
            Optional<SignatureScheme> scheme = Tls13Signatures.choose(offered, key.privateKey(), context.config.signatureSchemes());
            if (scheme.isPresent()) {
                context.ownKey = key;
                context.signatureScheme = scheme.get();
                return;
            }
        }
        throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                "none of our certificates can sign with a TLS 1.3 scheme the client offers");
    }

    // RFC 8446 §4.2.7, §4.2.8: our preferred group among those the client supports and sent a share for
    private static Optional<KeyShareEntry> chooseGroup(HandshakeContext context, Extensions extensions) throws TlsAlertException {
        List<Integer> supported = extensions.find(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::decode)
                .map(SupportedGroups::groups).orElseThrow(() -> HandshakeContext.alert(AlertDescription.MISSING_EXTENSION,
                        "the ClientHello has no supported_groups (RFC 8446 §9.2)"));
        KeyShare.ClientHello shares = extensions.find(ExtensionType.KEY_SHARE, KeyShare::decodeClientHello)
                .orElseThrow(() -> HandshakeContext.alert(AlertDescription.MISSING_EXTENSION,
                        "the ClientHello has supported_groups and no key_share (RFC 8446 §9.2)"));
        List<NamedGroup> common = context.config.namedGroups().stream()
                .filter(g -> supported.contains(g.code()) && KeyShareGroup.of(g).isPresent()).toList();
        for (KeyShareEntry share : shares.clientShares()) {
            if (share.knownGroup().isPresent() && !supported.contains(share.group())) {
                // RFC 8446 §4.2.8: "Each KeyShareEntry value MUST correspond to a group offered in supported_groups"
                throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER, "a key share for a group not in supported_groups");
            }
        }
        for (NamedGroup group : common) {
            Optional<KeyShareEntry> share = shares.shareFor(group);
            if (share.isPresent()) {
                context.group = group;
                return share;
            }
        }
        if (common.isEmpty()) {
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE, "no key exchange group in common");
        }
        if (context.tls13.helloRetried) {
            // RFC 8446 §4.1.4: the second ClientHello must hold a share for the group the HelloRetryRequest selected
            throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER,
                    "the second ClientHello has no key share for " + context.group);
        }
        context.group = common.get(0);
        return Optional.empty();
    }
}
