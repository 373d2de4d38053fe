package org.layeredtls.handshake.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.ApplicationLayerProtocolNegotiation;
import org.layeredtls.handshake.extension.EcPointFormat;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.extension.EncryptThenMac;
import org.layeredtls.handshake.extension.ExtendedMasterSecret;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.MaxFragmentLength;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.extension.SessionTicket;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.session.ClientSession;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/** Builds the client's ClientHello (RFC 5246 §7.4.1.2) from the configuration and any session to resume. */
final class ClientHelloBuilder {

    private ClientHelloBuilder() {
    }

    static ClientHello build(HandshakeContext context) throws org.layeredtls.alert.TlsAlertException {
        TlsConfig config = context.config;
        boolean tls13 = context.tls13 != null;
        // RFC 8446 §4.1.2: a TLS 1.3 ClientHello says {3,3} here and the versions in supported_versions
        ProtocolVersion version = tls13 ? ProtocolVersion.TLS1_2 : config.maxVersion();
        byte[] random = config.random().nextBytes(ClientHello.RANDOM_LENGTH);

        boolean renegotiating = context.clientVerifyData.length > 0;
        ClientSession offered = renegotiating || config.clientSessionStore() == null ? null
                : config.clientSessionStore().get(context.connection.peerKey())
                        .filter(s -> s.state().isValidAt(config.clock().instant()))
                        .filter(s -> config.allows(s.state().version()))
                        .filter(s -> !s.state().version().equals(ProtocolVersion.TLS1_3)) // offered as a PSK (Tls13Tickets)
                        .orElse(null);
        context.offeredSession = offered;
        byte[] sessionId = new byte[0];
        boolean offerTicket = offered != null && offered.ticket() != null && offered.ticket().length > 0;
        if (offered != null) {
            // RFC 5077 §3.4: with a ticket, a fresh session ID lets the client see that the server resumed.
            sessionId = offerTicket ? config.random().nextBytes(32) : offered.state().sessionId();
        } else if (tls13 && config.middleboxCompatibility()) {
            // RFC 8446 §D.4: a 32-byte legacy_session_id makes the handshake look like a TLS 1.2 resumption
            sessionId = config.random().nextBytes(32);
        }

        List<Integer> suites = new ArrayList<>();
        if (tls13) {
            config.tls13CipherSuites().forEach(suite -> suites.add(suite.code()));
        }
        boolean legacyVersions = config.minVersion().compareTo(ProtocolVersion.TLS1_2) <= 0;
        for (CipherSuite suite : config.cipherSuites()) {
            if (legacyVersions && !suite.isSignalling() && suite.minimumVersion().compareTo(version) <= 0) {
                suites.add(suite.code());
            }
        }
        boolean ssl3Only = version.isSsl3();
        if (ssl3Only && !renegotiating) {
            // SSL 3.0 has no extensions: RFC 5746 §3.3 signals secure renegotiation with the SCSV instead.
            suites.add(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code());
        }
        List<Integer> compression = new ArrayList<>();
        config.compression().forEach(m -> compression.add(m.code()));

        Optional<Extensions> extensions = ssl3Only ? ssl3Extensions(context)
                : Optional.of(new Extensions(extensions(context, offerTicket ? offered.ticket() : null)));
        ClientHello hello = new ClientHello(version, random, sessionId, suites, compression, extensions);
        // RFC 8446 §4.2.11.2: the binder covers the ClientHello itself, so it goes in last
        return tls13 && context.tls13.offeredSession != null ? Tls13Tickets.bind(context, context.tls13, hello) : hello;
    }

    /**
     * RFC 5746 §3.5: a renegotiating ClientHello carries renegotiation_info with our previous
     * verify_data and never the SCSV, in SSL 3.0 too (§4.5: SSL 3.0 peers use the SCSV and the
     * extension as TLS peers do). A first SSL 3.0 ClientHello has no extensions, only the SCSV.
     */
    private static Optional<Extensions> ssl3Extensions(HandshakeContext context) {
        return context.clientVerifyData.length == 0 ? Optional.empty()
                : Optional.of(Extensions.of(new RenegotiationInfo(context.clientVerifyData)));
    }

    private static List<Extension> extensions(HandshakeContext context, byte[] ticket) {
        TlsConfig config = context.config;
        List<ExtensionData> list = new ArrayList<>();
        String host = context.connection.sniHostName();
        if (host != null) {
            list.add(ServerName.ofHostName(host));
        }
        boolean elliptic = config.cipherSuites().stream().anyMatch(s -> s.keyExchange().isElliptic());
        if (elliptic || context.tls13 != null) { // RFC 8446 §4.2.7: TLS 1.3 key shares are in supported_groups
            list.add(SupportedGroups.of(config.namedGroups().stream()
                    .filter(group -> context.tls13 != null || !group.isTls13Only()).toArray(NamedGroup[]::new)));
            list.add(EcPointFormats.of(EcPointFormat.UNCOMPRESSED));
        }
        if (config.maxVersion().isAtLeast(ProtocolVersion.TLS1_2)) {
            list.add(new SignatureAlgorithms(KeyExchangeStep.supportedSignatureCodes(context)));
        }
        if (config.maxFragmentLength() > 0) {
            list.add(MaxFragmentLength.ofLength(config.maxFragmentLength()));
        }
        if (!config.alpn().isEmpty()) {
            list.add(ApplicationLayerProtocolNegotiation.of(config.alpn().toArray(String[]::new)));
        }
        if (config.encryptThenMac() && config.cipherSuites().stream().anyMatch(s -> !s.isSignalling()
                && s.cipherSpec().type() == CipherType.BLOCK)) {
            list.add(new EncryptThenMac());
        }
        if (config.extendedMasterSecret()) {
            list.add(new ExtendedMasterSecret());
        }
        if (config.sessionTickets()) {
            list.add(ticket != null ? new SessionTicket(ticket) : SessionTicket.empty());
        }
        // RFC 5746 §3.4/§3.5: empty in the first handshake, our previous verify_data when renegotiating.
        list.add(new RenegotiationInfo(context.clientVerifyData));
        if (context.tls13 != null) {
            list.addAll(Tls13ClientHello.extensions(context, context.tls13));
        }
        return Extensions.of(list.toArray(ExtensionData[]::new)).list();
    }

    static boolean offersDeflate(TlsConfig config) {
        return config.compression().contains(CompressionMethod.DEFLATE);
    }
}
