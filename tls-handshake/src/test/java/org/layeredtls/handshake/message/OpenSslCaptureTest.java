package org.layeredtls.handshake.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.ApplicationLayerProtocolNegotiation;
import org.layeredtls.handshake.extension.EcPointFormat;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SignatureScheme;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.ProtocolVersion;

/**
 * Known answers: handshake messages captured from OpenSSL 3.0 (see capture.py next to the hex
 * files) decode with the expected fields and re-encode to the very same bytes.
 */
class OpenSslCaptureTest {

    private static final DecodeContext TLS12 = DecodeContext.of(ProtocolVersion.TLS1_2);

    static byte[] resource(String name) throws IOException {
        try (InputStream in = OpenSslCaptureTest.class.getResourceAsStream(name)) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    /** Reassembles the flight in uneven pieces, decodes it, and checks every message re-encodes identically. */
    static List<HandshakeMessage> decodeFlight(byte[] flight, DecodeContext context) throws TlsAlertException {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        List<HandshakeFrame> frames = new ArrayList<>();
        for (int position = 0, piece = 1; position < flight.length; position += piece, piece = piece * 3 % 97 + 1) {
            frames.addAll(reassembler.add(flight, position, Math.min(piece, flight.length - position)));
        }
        assertFalse(reassembler.hasPartialMessage());
        List<HandshakeMessage> messages = new ArrayList<>();
        java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
        for (HandshakeFrame frame : frames) {
            HandshakeMessage message = HandshakeMessages.decode(frame, context);
            assertArrayEquals(frame.bytes(), message.encode(), message.type().rfcName() + " re-encodes identically");
            again.writeBytes(message.encode());
            messages.add(message);
        }
        assertArrayEquals(flight, again.toByteArray());
        return messages;
    }

    @Test
    void decodesOpenSslTls12ClientHello() throws Exception {
        List<HandshakeMessage> messages = decodeFlight(resource("openssl-client-hello-tls12.hex"), TLS12);
        ClientHello hello = assertInstanceOf(ClientHello.class, messages.get(0));
        assertEquals(1, messages.size());
        assertEquals(ProtocolVersion.TLS1_2, hello.clientVersion());
        assertEquals(0, hello.sessionId().length);
        assertTrue(hello.offers(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
        assertTrue(hello.cipherSuites().contains(0xC02F));
        assertEquals(0xC02C, hello.cipherSuites().get(0));
        assertEquals(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code(), hello.cipherSuites().get(hello.cipherSuites().size() - 1));
        assertTrue(hello.cipherSuites().contains(0xCCAA), "every offered code is kept, in order (DHE-RSA-CHACHA20-POLY1305 among them)");
        assertEquals(List.of(0), hello.compressionMethods());

        var extensions = hello.extensions().orElseThrow();
        assertEquals(List.of(0, 11, 10, 35, 16, 22, 23, 13),
                extensions.list().stream().map(e -> e.type()).toList());
        assertEquals(Optional.of("example.com"),
                extensions.find(ExtensionType.SERVER_NAME, ServerName::decode).orElseThrow().hostName());
        assertEquals(List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.X448, NamedGroup.SECP521R1,
                NamedGroup.SECP384R1),
                extensions.find(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::decode).orElseThrow().knownGroups());
        assertTrue(extensions.find(ExtensionType.EC_POINT_FORMATS, EcPointFormats::decode).orElseThrow()
                .formats().contains(EcPointFormat.UNCOMPRESSED.code()));
        assertEquals(List.of("http/1.1"), extensions.find(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
                ApplicationLayerProtocolNegotiation::decode).orElseThrow().protocolNames());
        List<SignatureScheme> schemes = extensions.find(ExtensionType.SIGNATURE_ALGORITHMS,
                SignatureAlgorithms::decode).orElseThrow().knownSchemes();
        assertEquals(SignatureScheme.ECDSA_SECP256R1_SHA256, schemes.get(0));
        assertTrue(schemes.contains(SignatureScheme.RSA_PSS_RSAE_SHA256));
        assertTrue(extensions.contains(ExtensionType.ENCRYPT_THEN_MAC));
        assertTrue(extensions.contains(ExtensionType.EXTENDED_MASTER_SECRET));
        assertTrue(extensions.contains(ExtensionType.SESSION_TICKET));
    }

    @Test
    void decodesOpenSslDefaultClientHelloWithItsTls13Extensions() throws Exception {
        ClientHello hello = (ClientHello) decodeFlight(resource("openssl-client-hello-default.hex"), TLS12).get(0);
        assertEquals(ProtocolVersion.TLS1_2, hello.clientVersion(), "legacy_version stays 1.2 (RFC 8446 §4.1.2)");
        assertEquals(32, hello.sessionId().length);
        assertEquals(0x1302, hello.cipherSuites().get(0), "TLS 1.3 suites are kept as codes");
        assertFalse(hello.knownCipherSuites().isEmpty());
        var extensions = hello.extensionsOrEmpty();
        assertTrue(extensions.find(43).isPresent(), "supported_versions");
        assertTrue(extensions.find(51).isPresent(), "key_share");
        assertEquals(Optional.of(ExtensionType.KEY_SHARE), extensions.find(51).orElseThrow().knownType());
        assertTrue(extensions.find(ExtensionType.SUPPORTED_GROUPS, SupportedGroups::decode).orElseThrow()
                .knownGroups().contains(NamedGroup.FFDHE2048));
    }

    @Test
    void decodesOpenSslEcdheRsaServerFlight() throws Exception {
        var context = new DecodeContext(ProtocolVersion.TLS1_2, KeyExchangeAlgorithm.ECDHE_RSA);
        List<HandshakeMessage> flight = decodeFlight(resource("openssl-server-flight-ecdhe-rsa.hex"), context);
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.CERTIFICATE, HandshakeType.SERVER_KEY_EXCHANGE,
                HandshakeType.SERVER_HELLO_DONE), flight.stream().map(HandshakeMessage::type).toList());
        ServerHello hello = (ServerHello) flight.get(0);
        assertEquals(ProtocolVersion.TLS1_2, hello.serverVersion());
        assertEquals(Optional.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), hello.knownCipherSuite());
        assertEquals(0, hello.compressionMethod());
        assertTrue(hello.extensionsOrEmpty().contains(ExtensionType.RENEGOTIATION_INFO));
        assertTrue(hello.extensionsOrEmpty().contains(ExtensionType.EXTENDED_MASTER_SECRET));

        Certificate certificate = (Certificate) flight.get(1);
        assertEquals(1, certificate.certificateList().size());
        assertEquals(0x30, certificate.certificateList().get(0)[0] & 0xFF, "a DER SEQUENCE");

        ServerKeyExchange keyExchange = (ServerKeyExchange) flight.get(2);
        ServerEcdhParams params = assertInstanceOf(ServerEcdhParams.class, keyExchange.params());
        assertEquals(NamedGroup.X25519.code(), params.namedCurve());
        assertEquals(32, params.point().length);
        assertEquals(OptionalInt.of(SignatureScheme.RSA_PSS_RSAE_SHA256.code()), keyExchange.signature().algorithm());
        assertEquals(256, keyExchange.signature().signature().length, "RSA-2048 signature");
        assertEquals(new ServerHelloDone(), flight.get(3));
    }

    @Test
    void decodesOpenSslDheRsaServerFlightWithCertificateRequest() throws Exception {
        var context = new DecodeContext(ProtocolVersion.TLS1_2, KeyExchangeAlgorithm.DHE_RSA);
        List<HandshakeMessage> flight = decodeFlight(resource("openssl-server-flight-dhe-rsa-certreq.hex"), context);
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.CERTIFICATE, HandshakeType.SERVER_KEY_EXCHANGE,
                HandshakeType.CERTIFICATE_REQUEST, HandshakeType.SERVER_HELLO_DONE),
                flight.stream().map(HandshakeMessage::type).toList());
        assertEquals(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256.code(), ((ServerHello) flight.get(0)).cipherSuite());
        ServerDhParams params = assertInstanceOf(ServerDhParams.class, ((ServerKeyExchange) flight.get(2)).params());
        assertTrue(params.dhP().length >= 256, "at least a 2048-bit prime");
        assertArrayEquals(new byte[] {2}, params.dhG());
        CertificateRequest request = (CertificateRequest) flight.get(3);
        assertTrue(request.certificateTypes().contains(CertificateRequest.RSA_SIGN));
        assertTrue(request.certificateTypes().contains(CertificateRequest.ECDSA_SIGN));
        assertTrue(request.supportedSignatureAlgorithms().orElseThrow().contains(SignatureScheme.RSA_PKCS1_SHA256.code()));
    }

    @Test
    void decodesOpenSslRsaServerFlightWithoutServerKeyExchange() throws Exception {
        var context = new DecodeContext(ProtocolVersion.TLS1_2, KeyExchangeAlgorithm.RSA);
        List<HandshakeMessage> flight = decodeFlight(resource("openssl-server-flight-rsa-certreq.hex"), context);
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.CERTIFICATE, HandshakeType.CERTIFICATE_REQUEST,
                HandshakeType.SERVER_HELLO_DONE), flight.stream().map(HandshakeMessage::type).toList());
        assertEquals(Optional.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA), ((ServerHello) flight.get(0)).knownCipherSuite());
        assertTrue(((ServerHello) flight.get(0)).extensionsOrEmpty().contains(ExtensionType.ENCRYPT_THEN_MAC),
                "OpenSSL accepts encrypt-then-MAC for a CBC suite");
    }
}
