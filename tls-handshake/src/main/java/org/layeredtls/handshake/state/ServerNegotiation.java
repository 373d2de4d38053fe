package org.layeredtls.handshake.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.ApplicationLayerProtocolNegotiation;
import org.layeredtls.handshake.extension.EcPointFormat;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.extension.EncryptThenMac;
import org.layeredtls.handshake.extension.ExtendedMasterSecret;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.MaxFragmentLength;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.extension.SessionTicket;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.keyexchange.EcdheKeyExchange;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.session.SessionState;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/** The server's choices from a ClientHello (RFC 5246 §7.4.1.2, §7.4.1.3): version, suite, extensions, resumption. */
final class ServerNegotiation {

    private ServerNegotiation() {
    }

    static void negotiate(HandshakeContext context, ClientHello hello) throws TlsAlertException {
        TlsConfig config = context.config;
        ProtocolVersion version = chooseVersion(config, hello);
        checkRenegotiation(context, hello);
        if (!hello.compressionMethods().contains(CompressionMethod.NULL.code())) {
            // RFC 5246 §7.4.1.2: the list MUST contain null. The RFC names no alert; a field out of
            // range and inconsistent with the rest is illegal_parameter (§7.2.2).
            throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER, "the ClientHello does not offer null compression");
        }
        context.compression = config.compression().stream()
                .filter(m -> hello.compressionMethods().contains(m.code())).findFirst().orElse(CompressionMethod.NULL);
        Extensions offered = hello.extensionsOrEmpty();
        context.serverName = requestedHostName(offered);
        checkPointFormats(offered);
        // RFC 6101: SSL 3.0 has no extensions; none is negotiated in it (renegotiation_info aside, read above).
        Extensions extensions = version.isSsl3() ? Extensions.empty() : offered;
        // RFC 7627 §5.1: the extension_data is empty; anything else is decode_error.
        boolean offersExtendedMasterSecret = extensions.find(ExtensionType.EXTENDED_MASTER_SECRET,
                ExtendedMasterSecret::decode).isPresent();
        if (context.previousExtendedMasterSecret && !offersExtendedMasterSecret) {
            // A renegotiation may not drop the extended master secret (OpenSSL's rule, from RFC 7627 §5.4's
            // warnings); RFC 7627 §5.2: "abort the handshake" is a fatal handshake_failure.
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                    "the renegotiating ClientHello drops extended_master_secret, which the previous handshake used");
        }
        context.extendedMasterSecret = config.extendedMasterSecret() && offersExtendedMasterSecret;

        if (!resume(context, hello, version, offersExtendedMasterSecret)) {
            chooseSuite(context, hello, version);
            context.sessionId = config.sessionCache() != null ? config.random().nextBytes(32) : new byte[0];
        }
        context.encryptThenMac = config.encryptThenMac() && extensions.contains(ExtensionType.ENCRYPT_THEN_MAC)
                && context.suite.cipherSpec().type() == CipherType.BLOCK;
        if (!context.resumed) {
            context.ticketExpected = config.sessionTickets() && config.ticketProtector() != null
                    && extensions.contains(ExtensionType.SESSION_TICKET);
        }
        Optional<MaxFragmentLength> mfl = extensions.find(ExtensionType.MAX_FRAGMENT_LENGTH, MaxFragmentLength::decode);
        if (mfl.isPresent()) {
            context.maxFragmentLength = mfl.get().length();
            // RFC 6066 §4: from the ServerHello on, no record longer than the negotiated length is
            // sent, and a longer one received is record_overflow.
            context.connection.records.setSendFragmentLimit(context.maxFragmentLength);
            context.connection.records.setReceiveFragmentLimit(context.maxFragmentLength);
        }
        chooseApplicationProtocol(context, extensions);
        context.serverRandom = serverRandom(config, version);
        context.negotiated(version, context.suite);
        if (context.resumed) {
            context.masterSecret = context.resumedSession.masterSecret();
            context.peerCertificates = context.resumedSession.peerCertificates();
        }
    }

    /**
     * RFC 8446 §4.1.3: a server that speaks TLS 1.3 and negotiates TLS 1.2 or below ends its random with
     * "DOWNGRD" 01 (TLS 1.2) or "DOWNGRD" 00 (below); a server that speaks TLS 1.2 at most and negotiates
     * TLS 1.1 or below ends it with "DOWNGRD" 00 ("TLS 1.2 servers SHOULD also behave as follows"). A client
     * that offered more checks it.
     */
    private static byte[] serverRandom(TlsConfig config, ProtocolVersion version) {
        byte[] random = config.random().nextBytes(32);
        boolean belowTls12 = version.compareTo(ProtocolVersion.TLS1_2) < 0;
        byte[] sentinel = null;
        if (config.allows(ProtocolVersion.TLS1_3)) {
            sentinel = belowTls12 ? ServerHello.DOWNGRADE_TLS11 : ServerHello.DOWNGRADE_TLS12;
        } else if (config.allows(ProtocolVersion.TLS1_2) && belowTls12) {
            sentinel = ServerHello.DOWNGRADE_TLS11;
        }
        if (sentinel != null) {
            System.arraycopy(sentinel, 0, random, random.length - sentinel.length, sentinel.length);
        }
        return random;
    }

    /**
     * The highest version both speak (RFC 5246 Appendix E.1), and the RFC 7507 fallback check. A
     * client_version above ours, whatever its major ({3,4}, {4,1}, {254,254}), gets our highest
     * version, as OpenSSL does; only one below our minimum is refused.
     */
    private static ProtocolVersion chooseVersion(TlsConfig config, ClientHello hello) throws TlsAlertException {
        ProtocolVersion offered = hello.clientVersion();
        // RFC 5246 Appendix E.1: "the server MUST send a ServerHello with the highest version it supports";
        // versions compare as their two bytes, so any major above 3 is above every version we speak.
        if (offered.compareTo(config.minVersion()) < 0) {
            throw HandshakeContext.alert(AlertDescription.PROTOCOL_VERSION,
                    "the client offers at most " + offered + ", below our minimum " + config.minVersion().displayName());
        }
        // RFC 8446 §4.2.1: without supported_versions (or without TLS 1.3 in it) the version is TLS 1.2 at most
        ProtocolVersion highest = config.maxVersion().compareTo(ProtocolVersion.TLS1_2) > 0 ? ProtocolVersion.TLS1_2 : config.maxVersion();
        if (highest.compareTo(config.minVersion()) < 0) {
            throw HandshakeContext.alert(AlertDescription.PROTOCOL_VERSION, "the client offers no TLS 1.3, our minimum");
        }
        ProtocolVersion version = offered.compareTo(highest) < 0 ? offered : highest;
        if (hello.cipherSuites().contains(CipherSuite.TLS_FALLBACK_SCSV.code()) && version.compareTo(config.maxVersion()) < 0) {
            // RFC 7507 §3: a client falling back below our highest version is under attack, or misconfigured.
            throw HandshakeContext.alert(AlertDescription.INAPPROPRIATE_FALLBACK,
                    "TLS_FALLBACK_SCSV with " + version.displayName() + " while we support " + config.maxVersion().displayName());
        }
        return version;
    }

    /**
     * The host name the client asks for (RFC 6066 §3), if any. A malformed server_name is
     * decode_error (see {@link ServerName#decodeClientHello}); a name with a NUL byte is no DNS name
     * and no server can recognise it: a fatal unrecognized_name, which §3 allows and OpenSSL sends.
     */
    static String requestedHostName(Extensions offered) throws TlsAlertException {
        Optional<String> name = offered.find(ExtensionType.SERVER_NAME, ServerName::decodeClientHello)
                .flatMap(ServerName::hostName);
        if (name.isPresent() && name.get().indexOf('\0') >= 0) {
            throw HandshakeContext.alert(AlertDescription.UNRECOGNIZED_NAME, "the requested server name holds a NUL byte");
        }
        return name.orElse(null);
    }

    /**
     * RFC 8422 §5.1.2: a client that lists elliptic curves in supported_groups and sends
     * ec_point_formats without {@code uncompressed} makes the server "abort the handshake and return
     * an illegal_parameter alert", whatever suite would be chosen. (OpenSSL 3.0 goes on.)
     */
    private static void checkPointFormats(Extensions offered) throws TlsAlertException {
        Optional<EcPointFormats> formats = offered.find(ExtensionType.EC_POINT_FORMATS, EcPointFormats::decode);
        if (formats.isEmpty() || formats.get().includesUncompressed()) {
            return;
        }
        boolean offersCurves = offered.find(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::decode)
                .map(SupportedGroups::groups).orElse(List.of()).stream()
                .anyMatch(code -> NamedGroup.fromCode(code).map(NamedGroup::isEllipticCurve).orElse(false));
        if (offersCurves) {
            throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER,
                    "ec_point_formats " + formats.get().formats() + " lacks uncompressed, and the client offers elliptic curves");
        }
    }

    /** RFC 5746 §3.6 (first handshake) and §3.7 (renegotiation). */
    private static void checkRenegotiation(HandshakeContext context, ClientHello hello) throws TlsAlertException {
        boolean scsv = hello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code());
        Optional<RenegotiationInfo> info = hello.extensionsOrEmpty()
                .find(ExtensionType.RENEGOTIATION_INFO, RenegotiationInfo::decode);
        boolean renegotiating = context.clientVerifyData.length > 0;
        if (!renegotiating) {
            if (info.isPresent() && info.get().renegotiatedConnection().length > 0) {
                throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE, "a non-empty renegotiation_info in a first handshake");
            }
            context.secureRenegotiation = scsv || info.isPresent();
            return;
        }
        if (scsv) {
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE, "the renegotiation SCSV while renegotiating");
        }
        if (info.isEmpty() || !java.security.MessageDigest.isEqual(info.get().renegotiatedConnection(), context.clientVerifyData)) {
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                    "renegotiation_info does not carry the client's previous verify_data");
        }
        context.secureRenegotiation = true;
    }

    /** Resumes the offered session (ticket first, RFC 5077 §3.4; then the session ID cache) when it still fits. */
    private static boolean resume(HandshakeContext context, ClientHello hello, ProtocolVersion version,
                                  boolean offersExtendedMasterSecret) throws TlsAlertException {
        TlsConfig config = context.config;
        if (context.clientVerifyData.length > 0) {
            return false; // a renegotiation always runs a full handshake here
        }
        Optional<SessionState> session = Optional.empty();
        boolean byTicket = false;
        Optional<SessionTicket> ticket = safeFind(hello);
        if (ticket.isPresent() && !ticket.get().isEmpty() && config.ticketProtector() != null && config.sessionTickets()) {
            context.offeredTicket = ticket.get().ticket();
            session = config.ticketProtector().unprotect(context.offeredTicket);
            byTicket = session.isPresent();
        }
        if (session.isEmpty() && hello.sessionId().length > 0 && config.sessionCache() != null) {
            session = config.sessionCache().get(hello.sessionId());
        }
        if (session.isEmpty()) {
            return false;
        }
        SessionState state = session.get();
        boolean fits = state.version().equals(version) && hello.cipherSuites().contains(state.cipherSuite().code())
                && config.cipherSuites().contains(state.cipherSuite())
                && state.compression() == context.compression
                && state.isValidAt(config.clock().instant())
                // RFC 6066 §3: no resumption when server_name "contains a different name": a full handshake instead
                && (context.serverName == null || context.serverName.equals(state.serverName()));
        if (!fits) {
            return false;
        }
        if (state.extendedMasterSecret() && !offersExtendedMasterSecret) {
            // RFC 7627 §5.3: "the server MUST abort the abbreviated handshake", with handshake_failure (§5.2), as OpenSSL 3.0.
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                    "the ClientHello offers a session that used extended_master_secret, without the extension");
        }
        if (state.extendedMasterSecret() != context.extendedMasterSecret) {
            return false; // RFC 7627 §5.3: a session without the extension is not resumed when it is offered now
        }
        context.resumed = true;
        context.resumedSession = state;
        context.suite = state.cipherSuite();
        context.sessionId = hello.sessionId();
        context.ticketExpected = byTicket && config.ticketProtector().shouldRenew(context.offeredTicket);
        return true;
    }

    private static Optional<SessionTicket> safeFind(ClientHello hello) {
        return hello.extensionsOrEmpty().find(ExtensionType.SESSION_TICKET)
                .map(e -> SessionTicket.decode(e.data()));
    }

    /** The first of our suites (server preference) that the client offers and that we can serve. */
    private static void chooseSuite(HandshakeContext context, ClientHello hello, ProtocolVersion version)
            throws TlsAlertException {
        TlsConfig config = context.config;
        Extensions extensions = hello.extensionsOrEmpty();
        List<Integer> clientGroups = extensions.find(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::decode)
                .map(SupportedGroups::groups).orElse(null);
        Optional<EcPointFormats> formats = extensions.find(ExtensionType.EC_POINT_FORMATS, EcPointFormats::decode);
        for (CipherSuite suite : config.cipherSuites()) {
            if (suite.isSignalling() || !hello.cipherSuites().contains(suite.code())
                    || suite.minimumVersion().compareTo(version) > 0) {
                continue;
            }
            KeyExchangeAlgorithm keyExchange = suite.keyExchange();
            Optional<CertifiedKey> key = config.certifiedKeys().stream()
                    .filter(k -> keyExchange.isRsaAuthenticated() ? k.isRsa() : k.isEc()).findFirst();
            if (key.isEmpty()) {
                continue;
            }
            NamedGroup group = null;
            if (keyExchange.isElliptic()) {
                if (formats.isPresent() && !formats.get().includesUncompressed()) {
                    continue;
                }
                group = chooseGroup(config, clientGroups);
                if (group == null) {
                    continue;
                }
            }
            org.layeredtls.crypto.SignatureScheme scheme = null;
            if (keyExchange.isEphemeral()) {
                scheme = KeyExchangeStep.chooseServerSignature(context, hello, version, key.get()).orElse(null);
                if (scheme == null) {
                    continue;
                }
            }
            context.suite = suite;
            context.ownKey = key.get();
            context.group = group;
            context.signatureScheme = scheme;
            return;
        }
        // RFC 5246 §7.4.1.3: no acceptable choices is handshake_failure.
        throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE, "no cipher suite in common that this server can serve");
    }

    /**
     * Our first curve the client supports; without the extension, our first (RFC 4492 §4). RFC 8422 §5.1.1:
     * TLS 1.2 ECDHE runs on elliptic curves only, never on an ffdhe group or the TLS 1.3 hybrid.
     */
    private static NamedGroup chooseGroup(TlsConfig config, List<Integer> clientGroups) {
        for (NamedGroup group : config.namedGroups()) {
            if (!EcdheKeyExchange.supports(group)) {
                continue;
            }
            if (clientGroups == null || clientGroups.contains(group.code())) {
                return group;
            }
        }
        return null;
    }

    /** RFC 7301 §3.2: the server's first protocol the client offers; none in common is no_application_protocol. */
    static void chooseApplicationProtocol(HandshakeContext context, Extensions extensions) throws TlsAlertException {
        Optional<ApplicationLayerProtocolNegotiation> offered = extensions.find(
                ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ApplicationLayerProtocolNegotiation::decode);
        if (offered.isEmpty()) {
            return;
        }
        if (context.config.alpnSelector() != null) {
            chooseBySelector(context, offered.get().protocolNames());
            return;
        }
        if (context.config.alpn().isEmpty()) {
            return;
        }
        for (String protocol : context.config.alpn()) {
            if (offered.get().protocolNames().contains(protocol)) {
                context.applicationProtocol = protocol;
                return;
            }
        }
        throw HandshakeContext.alert(AlertDescription.NO_APPLICATION_PROTOCOL,
                "none of the client's protocols " + offered.get().protocolNames() + " is served here");
    }

    // TlsConfig.alpnSelector: code chooses; the empty string is no ALPN, anything not offered is no_application_protocol
    private static void chooseBySelector(HandshakeContext context, List<String> offered) throws TlsAlertException {
        String chosen = context.config.alpnSelector().select(List.copyOf(offered));
        if (chosen != null && chosen.isEmpty()) {
            return;
        }
        if (chosen == null || !offered.contains(chosen)) {
            throw HandshakeContext.alert(AlertDescription.NO_APPLICATION_PROTOCOL,
                    "the ALPN selector chose " + chosen + " of the client's protocols " + offered);
        }
        context.applicationProtocol = chosen;
    }

    /** The ServerHello for the choices made, with the extensions that answer the client's. */
    static ServerHello serverHello(HandshakeContext context) {
        ClientHello hello = context.clientHello;
        Extensions offered = hello.extensionsOrEmpty();
        List<ExtensionData> answer = new ArrayList<>();
        if (context.secureRenegotiation) {
            answer.add(new RenegotiationInfo(ServerHelloCheck.concat(context.clientVerifyData, context.serverVerifyData)));
        }
        if (context.extendedMasterSecret) {
            answer.add(new ExtendedMasterSecret());
        }
        if (context.encryptThenMac) {
            answer.add(new EncryptThenMac());
        }
        if (context.ticketExpected) {
            answer.add(SessionTicket.empty());
        }
        if (context.applicationProtocol != null) {
            answer.add(ApplicationLayerProtocolNegotiation.of(context.applicationProtocol));
        }
        if (context.maxFragmentLength > 0) {
            answer.add(MaxFragmentLength.ofLength(context.maxFragmentLength));
        }
        if (context.suite.keyExchange().isElliptic() && offered.contains(ExtensionType.EC_POINT_FORMATS)) {
            answer.add(EcPointFormats.of(EcPointFormat.UNCOMPRESSED));
        }
        if (context.serverName != null && !context.resumed) {
            answer.add(ServerName.acknowledgement()); // RFC 6066 §3: an empty server_name
        }
        boolean ssl3 = context.version.isSsl3();
        if (ssl3) {
            // SSL 3.0 defines no extensions, but RFC 5746 §4.5: a server answers the SCSV or the extension
            // "even if the offered client version is {0x03, 0x00}"; OpenSSL sends it, and only it, in SSL 3.0.
            answer.removeIf(extension -> !(extension instanceof RenegotiationInfo));
        }
        Optional<Extensions> extensions = answer.isEmpty() && (ssl3 || hello.extensions().isEmpty())
                ? Optional.empty() : Optional.of(Extensions.of(answer.toArray(ExtensionData[]::new)));
        return new ServerHello(context.version, context.serverRandom, context.sessionId, context.suite.code(),
                context.compression.code(), extensions);
    }
}
