package org.layeredtls.handshake.extension;

import java.util.List;

/**
 * Every decoder of every extension type this stack knows, each form of the TLS 1.3 extensions
 * whose data depends on the message (RFC 8446 §4.2.1, §4.2.8, §4.2.10, §4.2.11) included: what the
 * fuzz and property tests run arbitrary bytes through.
 */
public final class ExtensionDecoders {

    private ExtensionDecoders() {
    }

    /** The decoders of {@code type}, one per form. */
    public static List<ExtensionDecoder<?>> of(ExtensionType type) {
        return switch (type) {
            case SERVER_NAME -> List.of(ServerName::decode, ServerName::decodeClientHello, ServerName::decodeServerHello);
            case MAX_FRAGMENT_LENGTH -> List.of(MaxFragmentLength::decode);
            case SUPPORTED_GROUPS -> List.of(SupportedGroups::decode);
            case EC_POINT_FORMATS -> List.of(EcPointFormats::decode);
            case SIGNATURE_ALGORITHMS -> List.of(SignatureAlgorithms::decode);
            case APPLICATION_LAYER_PROTOCOL_NEGOTIATION -> List.of(ApplicationLayerProtocolNegotiation::decode);
            case ENCRYPT_THEN_MAC -> List.of(EncryptThenMac::decode);
            case EXTENDED_MASTER_SECRET -> List.of(ExtendedMasterSecret::decode);
            case RECORD_SIZE_LIMIT -> List.of(RecordSizeLimit::decode);
            case SESSION_TICKET -> List.of(SessionTicket::decode);
            case PRE_SHARED_KEY -> List.of(PreSharedKey::decodeClientHello, PreSharedKey::decodeServerHello);
            case EARLY_DATA -> List.of(EarlyData::decode, EarlyData::decodeNewSessionTicket);
            case SUPPORTED_VERSIONS -> List.of(SupportedVersions::decodeClientHello, SupportedVersions::decodeServerHello);
            case COOKIE -> List.of(Cookie::decode);
            case PSK_KEY_EXCHANGE_MODES -> List.of(PskKeyExchangeModes::decode);
            case CERTIFICATE_AUTHORITIES -> List.of(CertificateAuthorities::decode);
            case POST_HANDSHAKE_AUTH -> List.of(PostHandshakeAuth::decode);
            case SIGNATURE_ALGORITHMS_CERT -> List.of(SignatureAlgorithmsCert::decode);
            case KEY_SHARE -> List.of(KeyShare::decodeClientHello, KeyShare::decodeServerHello,
                    KeyShare::decodeHelloRetryRequest);
            case RENEGOTIATION_INFO -> List.of(RenegotiationInfo::decode);
        };
    }

    /** The decoder that reads back what {@code extension} encodes, chosen by its form. */
    public static ExtensionDecoder<?> readingBack(ExtensionData extension) {
        if (extension instanceof KeyShare.ClientHello) {
            return KeyShare::decodeClientHello;
        } else if (extension instanceof KeyShare.ServerHello) {
            return KeyShare::decodeServerHello;
        } else if (extension instanceof KeyShare.HelloRetryRequest) {
            return KeyShare::decodeHelloRetryRequest;
        } else if (extension instanceof SupportedVersions.ClientHello) {
            return SupportedVersions::decodeClientHello;
        } else if (extension instanceof SupportedVersions.ServerHello) {
            return SupportedVersions::decodeServerHello;
        } else if (extension instanceof PreSharedKey.OfferedPsks) {
            return PreSharedKey::decodeClientHello;
        } else if (extension instanceof PreSharedKey.SelectedIdentity) {
            return PreSharedKey::decodeServerHello;
        } else if (extension instanceof EarlyData early && early.maxEarlyDataSize().isPresent()) {
            return EarlyData::decodeNewSessionTicket;
        }
        return of(extension.type()).get(0);
    }
}
