package org.layeredtls.handshake.state;

import java.util.Arrays;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.ApplicationLayerProtocolNegotiation;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.extension.ExtendedMasterSecret;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.MaxFragmentLength;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.session.SessionState;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/** The client's checks of a ServerHello against what its ClientHello offered (RFC 5246 §7.4.1.3). */
final class ServerHelloCheck {

    private ServerHelloCheck() {
    }

    static void check(HandshakeContext context, ServerHello hello) throws TlsAlertException {
        ProtocolVersion version = hello.serverVersion();
        if (!context.config.allows(version) || version.compareTo(context.clientHello.clientVersion()) > 0) {
            // RFC 5246 Appendix E.1: a client that cannot speak the server's version aborts with protocol_version.
            throw HandshakeContext.alert(AlertDescription.PROTOCOL_VERSION,
                    "the server chose " + version + ", outside " + context.config.minVersion().displayName()
                            + ".." + context.config.maxVersion().displayName());
        }
        checkDowngradeSentinel(context, hello, version);
        CipherSuite suite = CipherSuite.fromCode(hello.cipherSuite())
                .filter(s -> !s.isSignalling() && !s.isTls13() && context.clientHello.cipherSuites().contains(s.code()))
                .orElseThrow(() -> ClientHandshake.illegal(
                        String.format("the server chose cipher suite 0x%04x, which was not offered", hello.cipherSuite())));
        if (suite.minimumVersion().compareTo(version) > 0) {
            throw ClientHandshake.illegal(suite.ianaName() + " cannot be used with " + version.displayName());
        }
        CompressionMethod compression = CompressionMethod.fromCode(hello.compressionMethod())
                .filter(m -> context.clientHello.compressionMethods().contains(m.code()))
                .orElseThrow(() -> ClientHandshake.illegal("the server chose compression method "
                        + hello.compressionMethod() + ", which was not offered"));

        context.serverHello = hello;
        context.serverRandom = hello.random();
        context.compression = compression;
        context.sessionId = hello.sessionId();
        checkExtensions(context, hello.extensionsOrEmpty(), suite, version);
        context.negotiated(version, suite);
        checkResumption(context, hello, suite, version, compression);
    }

    /**
     * RFC 8446 §4.1.3: a client that offered TLS 1.3 and gets TLS 1.2 or below checks that the last 8 bytes
     * of ServerHello.random are neither "DOWNGRD" 01 nor "DOWNGRD" 00, and a TLS 1.2 client getting TLS 1.1
     * or below that they are not "DOWNGRD" 00: a server that speaks more wrote them, so an attacker
     * removed the higher versions from our ClientHello. Either is illegal_parameter.
     */
    private static void checkDowngradeSentinel(HandshakeContext context, ServerHello hello, ProtocolVersion version)
            throws TlsAlertException {
        byte[] random = hello.random();
        byte[] last8 = Arrays.copyOfRange(random, random.length - 8, random.length);
        boolean offered13 = context.clientHello.extensionsOrEmpty().contains(ExtensionType.SUPPORTED_VERSIONS);
        boolean offered12 = context.clientHello.clientVersion().isAtLeast(ProtocolVersion.TLS1_2);
        if (offered13 && java.security.MessageDigest.isEqual(last8, ServerHello.DOWNGRADE_TLS12)
                || (offered13 || offered12) && version.compareTo(ProtocolVersion.TLS1_2) < 0
                        && java.security.MessageDigest.isEqual(last8, ServerHello.DOWNGRADE_TLS11)) {
            throw ClientHandshake.illegal("ServerHello.random ends with a downgrade sentinel: the server speaks a higher version"
                    + " than " + version.displayName() + " (RFC 8446 §4.1.3)");
        }
    }

    private static void checkExtensions(HandshakeContext context, Extensions extensions, CipherSuite suite,
                                        ProtocolVersion version) throws TlsAlertException {
        Extensions offered = context.clientHello.extensionsOrEmpty();
        // RFC 5746 §3.6: sending the SCSV counts as offering renegotiation_info.
        boolean sentScsv = context.clientHello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code());
        for (Extension extension : extensions.list()) {
            boolean answersScsv = sentScsv && extension.type() == ExtensionType.RENEGOTIATION_INFO.code();
            if (offered.find(extension.type()).isEmpty() && !answersScsv) {
                // RFC 5246 §7.4.1.4: an extension the client did not offer is unsupported_extension.
                throw HandshakeContext.alert(AlertDescription.UNSUPPORTED_EXTENSION,
                        "the server sent extension " + extension.type() + ", which the client did not offer");
            }
        }
        Optional<RenegotiationInfo> renegotiation = extensions.find(ExtensionType.RENEGOTIATION_INFO, RenegotiationInfo::decode);
        byte[] expected = concat(context.clientVerifyData, context.serverVerifyData);
        if (renegotiation.isPresent()) {
            // RFC 5746 §3.4/§3.5: empty at first, both previous verify_data when renegotiating.
            if (!java.security.MessageDigest.isEqual(renegotiation.get().renegotiatedConnection(), expected)) {
                throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                        "renegotiation_info does not match the previous handshake");
            }
            context.secureRenegotiation = true;
        } else if (context.clientVerifyData.length > 0) {
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                    "the server dropped renegotiation_info while renegotiating (RFC 5746 §3.5)");
        } else {
            context.secureRenegotiation = false;
        }
        // RFC 7627 §5.1: the extension_data is empty; anything else is decode_error. SSL 3.0 has no
        // extended master secret (nor encrypt-then-MAC): in an SSL 3.0 ServerHello both are ignored, as OpenSSL does.
        boolean ssl3 = version.isSsl3();
        context.extendedMasterSecret = extensions.find(ExtensionType.EXTENDED_MASTER_SECRET,
                ExtendedMasterSecret::decode).isPresent() && !ssl3;
        if (context.previousExtendedMasterSecret && !context.extendedMasterSecret) {
            // A renegotiation may not drop the extended master secret (OpenSSL's rule, from RFC 7627 §5.4's
            // warnings); RFC 7627 §5.2: "abort the handshake" is a fatal handshake_failure.
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                    "the renegotiating ServerHello drops extended_master_secret, which the previous handshake used");
        }
        // RFC 7366 §3: encrypt-then-MAC only applies to block ciphers; an echo for others changes nothing.
        context.encryptThenMac = extensions.contains(ExtensionType.ENCRYPT_THEN_MAC)
                && suite.cipherSpec().type() == CipherType.BLOCK && !ssl3;
        context.ticketExpected = extensions.contains(ExtensionType.SESSION_TICKET);
        Optional<MaxFragmentLength> mfl = extensions.find(ExtensionType.MAX_FRAGMENT_LENGTH, MaxFragmentLength::decode);
        if (mfl.isPresent()) {
            if (mfl.get().length() != context.config.maxFragmentLength()) {
                // RFC 6066 §4: a different length than requested is illegal_parameter.
                throw ClientHandshake.illegal("max_fragment_length " + mfl.get().length() + " differs from the one requested");
            }
            context.maxFragmentLength = mfl.get().length();
            // RFC 6066 §4: fragment to the negotiated length at once, handshake messages included,
            // and expect the server to do the same with every record after this ServerHello.
            context.connection.records.setSendFragmentLimit(context.maxFragmentLength);
            context.connection.records.setReceiveFragmentLimit(context.maxFragmentLength);
        }
        checkApplicationProtocol(context, extensions);
        Optional<EcPointFormats> formats = extensions.find(ExtensionType.EC_POINT_FORMATS, EcPointFormats::decode);
        if (formats.isPresent() && !formats.get().includesUncompressed()) {
            // RFC 8422 §5.2: uncompressed points must be supported.
            throw ClientHandshake.illegal("the server's ec_point_formats lacks uncompressed");
        }
        // RFC 6066 §3: the server's server_name is empty; anything else is decode_error (as OpenSSL).
        extensions.find(ExtensionType.SERVER_NAME, ServerName::decodeServerHello);
        context.serverName = context.connection.sniHostName();
    }

    /** The server's ALPN answer (in ServerHello; in TLS 1.3, EncryptedExtensions), if any. */
    static void checkApplicationProtocol(HandshakeContext context, Extensions extensions) throws TlsAlertException {
        Optional<ApplicationLayerProtocolNegotiation> alpn = extensions.find(
                ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ApplicationLayerProtocolNegotiation::decode);
        if (alpn.isPresent()) {
            var names = alpn.get().protocolNames();
            if (names.size() != 1 || !context.config.alpn().contains(names.get(0))) {
                // RFC 7301 §3.1: exactly one protocol, one the client offered.
                throw ClientHandshake.illegal("the server selected ALPN " + names + ", not one offered protocol");
            }
            context.applicationProtocol = names.get(0);
        }
    }

    private static void checkResumption(HandshakeContext context, ServerHello hello, CipherSuite suite,
                                        ProtocolVersion version, CompressionMethod compression) throws TlsAlertException {
        var offered = context.offeredSession;
        byte[] offeredId = context.clientHello.sessionId();
        boolean resumed = offered != null && offeredId.length > 0 && Arrays.equals(offeredId, hello.sessionId());
        if (!resumed) {
            return;
        }
        SessionState session = offered.state();
        if (!session.version().equals(version) || session.cipherSuite() != suite || session.compression() != compression) {
            // RFC 5246 §7.4.1.3: a resumed session keeps its version, suite and compression.
            throw ClientHandshake.illegal("the server resumed the session with other parameters");
        }
        if (session.extendedMasterSecret() != context.extendedMasterSecret) {
            // RFC 7627 §5.3: a session and its resumption agree on the extended master secret; the client
            // "MUST abort the handshake" either way, which §5.2 defines as a fatal handshake_failure.
            throw HandshakeContext.alert(AlertDescription.HANDSHAKE_FAILURE,
                    "the resumed session and the ServerHello disagree on extended_master_secret");
        }
        context.resumed = true;
        context.resumedSession = session;
        context.masterSecret = session.masterSecret();
        context.peerCertificates = session.peerCertificates();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
