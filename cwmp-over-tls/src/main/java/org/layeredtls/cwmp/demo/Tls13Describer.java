package org.layeredtls.cwmp.demo;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.KeyShareEntry;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SignatureScheme;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.EncryptedExtensions;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.KeyUpdate;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.message.Tls13NewSessionTicket;
import org.layeredtls.record.ProtocolVersion;

/**
 * The key fields of the TLS 1.3 handshake messages (RFC 8446 §4), next to {@link HandshakeDescriber}'s
 * TLS 1.2 ones: the hellos' supported_versions and key_share (the version and the key exchange moved into
 * extensions), EncryptedExtensions, CertificateRequest and Certificate with their request context,
 * NewSessionTicket with its age_add and nonce, KeyUpdate.
 */
final class Tls13Describer {

    private Tls13Describer() {
    }

    /** The lines for a TLS 1.3 message, or empty when the message is not one of TLS 1.3's own. */
    static Optional<List<String>> describe(HandshakeMessage message, boolean full) {
        List<String> lines = new java.util.ArrayList<>();
        if (message instanceof EncryptedExtensions ee) {
            lines.add("EncryptedExtensions");
            lines.add("  extensions: " + (ee.extensions().isEmpty() ? "(none)" : names(ee.extensions())));
        } else if (message instanceof Tls13CertificateRequest cr) {
            lines.add("CertificateRequest");
            lines.add("  certificate_request_context " + context(cr.requestContext()) + ", extensions: " + names(cr.extensions()));
            signatureAlgorithms(cr.extensions(), full).ifPresent(lines::add);
        } else if (message instanceof Tls13Certificate c) {
            int n = c.certificates().size();
            lines.add("Certificate (" + n + (n == 1 ? " certificate" : " certificates")
                    + ", certificate_request_context " + context(c.requestContext()) + ")");
            for (byte[] der : c.certificates()) {
                lines.add("  " + HandshakeDescriber.certificate(der));
            }
            if (n == 0) {
                lines.add("  (empty: no certificate to send)");
            }
        } else if (message instanceof Tls13NewSessionTicket t) {
            lines.add("NewSessionTicket");
            lines.add("  ticket_lifetime " + t.lifetimeSeconds() + " s, ticket_age_add (hides the ticket's age), ticket_nonce "
                    + t.nonce().length + " bytes, ticket " + t.ticket().length + " bytes (opaque to the client)");
        } else if (message instanceof KeyUpdate ku) {
            lines.add("KeyUpdate");
            lines.add("  request_update " + (ku.updateRequested() ? "update_requested (1)" : "update_not_requested (0)"));
        } else {
            return Optional.empty();
        }
        return Optional.of(lines);
    }

    /** RFC 8446 §4.2.1, §4.2.8: what a ClientHello's supported_versions and key_share say, when it has them. */
    static void clientHelloExtensions(ClientHello hello, Consumer<String> lines) {
        Extensions extensions = hello.extensions().orElse(Extensions.empty());
        decoded(extensions, ExtensionType.SUPPORTED_VERSIONS, SupportedVersions::decodeClientHello).ifPresent(v ->
                lines.accept("  supported_versions " + v.versions().stream().map(ProtocolVersion::displayName).toList()
                        + " (the version is negotiated here; client_version stays TLSv1.2)"));
        decoded(extensions, ExtensionType.KEY_SHARE, KeyShare::decodeClientHello).ifPresent(k ->
                lines.accept("  key_share " + k.clientShares().stream().map(Tls13Describer::share)
                        .collect(Collectors.joining(", ")) + " (the client's half of the key exchange, in its first flight)"));
    }

    /** What a ServerHello's supported_versions, key_share and pre_shared_key say, when it has them. */
    static void serverHelloExtensions(ServerHello hello, Consumer<String> lines) {
        Extensions extensions = hello.extensionsOrEmpty();
        decoded(extensions, ExtensionType.SUPPORTED_VERSIONS, SupportedVersions::decodeServerHello).ifPresent(v ->
                lines.accept("  supported_versions " + v.selectedVersion().displayName() + " (server_version stays TLSv1.2)"));
        if (hello.isHelloRetryRequest()) {
            decoded(extensions, ExtensionType.KEY_SHARE, KeyShare::decodeHelloRetryRequest).ifPresent(k ->
                    lines.accept("  HelloRetryRequest: key_share selected_group " + k.selectedGroup().rfcName()));
        } else {
            decoded(extensions, ExtensionType.KEY_SHARE, KeyShare::decodeServerHello).ifPresent(k ->
                    lines.accept("  key_share " + share(k.serverShare()) + " (with the client's share: the (EC)DHE secret)"));
        }
        if (extensions.contains(ExtensionType.PRE_SHARED_KEY)) {
            lines.accept("  pre_shared_key: the server takes the PSK of a ticket from an earlier connection (resumption)");
        }
    }

    private interface Decoder<T> {
        T decode(byte[] data) throws Exception;
    }

    private static <T> Optional<T> decoded(Extensions extensions, ExtensionType type, Decoder<T> decoder) {
        Optional<Extension> extension = extensions.find(type);
        if (extension.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decode(extension.get().data()));
        } catch (Exception malformed) {
            return Optional.empty(); // the capture shows what parses; the state machine answers the rest with an alert
        }
    }

    private static Optional<String> signatureAlgorithms(Extensions extensions, boolean full) {
        return decoded(extensions, ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithms::decode).map(s -> {
            List<String> names = s.schemes().stream().map(SignatureScheme::nameOf).toList();
            return "  signature_algorithms (" + names.size() + "): " + (full || names.size() <= 3 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 3)) + ", ...");
        });
    }

    private static String share(KeyShareEntry entry) {
        return group(entry.group()) + " (" + entry.keyExchange().length + " bytes)";
    }

    private static String group(int code) {
        return NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse(String.format("0x%04x", code));
    }

    private static String context(byte[] requestContext) {
        return requestContext.length == 0 ? "(empty)" : requestContext.length + " bytes";
    }

    private static String names(Extensions extensions) {
        return extensions.list().stream().map(e -> ExtensionType.nameOf(e.type())).collect(Collectors.joining(", "));
    }
}
