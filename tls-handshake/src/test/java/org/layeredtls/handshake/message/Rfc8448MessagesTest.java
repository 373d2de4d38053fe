package org.layeredtls.handshake.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.extension.Cookie;
import org.layeredtls.handshake.extension.EarlyData;
import org.layeredtls.handshake.extension.ExtensionMessage;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.PreSharedKey;
import org.layeredtls.handshake.extension.PskKeyExchangeMode;
import org.layeredtls.handshake.extension.PskKeyExchangeModes;
import org.layeredtls.handshake.extension.SignatureScheme;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.record.ProtocolVersion;

/**
 * Known answers: the handshake messages of RFC 8448's example traces (§3 simple 1-RTT, §4
 * resumption, §5 HelloRetryRequest; the hex files and their README are under
 * {@code rfc8448/}) decode with the fields the RFC shows and re-encode byte for byte.
 */
class Rfc8448MessagesTest {

    private static final DecodeContext TLS13 = DecodeContext.tls13(HashAlgorithm.SHA256);

    private static byte[] message(String name) throws IOException {
        return OpenSslCaptureTest.resource("rfc8448/" + name + ".hex");
    }

    private static HandshakeMessage decodeOne(String name, DecodeContext context) throws Exception {
        List<HandshakeMessage> messages = OpenSslCaptureTest.decodeFlight(message(name), context);
        assertEquals(1, messages.size());
        return messages.get(0);
    }

    @Test
    void simpleClientHelloDecodesAndReencodesByteForByte() throws Exception {
        ClientHello hello = assertInstanceOf(ClientHello.class, decodeOne("simple-client-hello", DecodeContext.of(ProtocolVersion.TLS1_2)));
        assertEquals(ProtocolVersion.TLS1_2, hello.clientVersion(), "legacy_version (RFC 8446 §4.1.2)");
        assertEquals(List.of(0x1301, 0x1303, 0x1302), hello.cipherSuites());
        var extensions = hello.extensionsOrEmpty();
        assertEquals(List.of(0, 0xFF01, 10, 35, 51, 43, 13, 45, 28), extensions.list().stream().map(e -> e.type()).toList());
        extensions.requireAllowedIn(ExtensionMessage.CLIENT_HELLO);
        KeyShare.ClientHello shares = extensions.find(ExtensionType.KEY_SHARE, KeyShare::decodeClientHello).orElseThrow();
        assertArrayEquals(HexFormat.of().parseHex("99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"),
                shares.shareFor(NamedGroup.X25519).orElseThrow().keyExchange());
        assertEquals(List.of(ProtocolVersion.TLS1_3),
                extensions.find(ExtensionType.SUPPORTED_VERSIONS, SupportedVersions::decodeClientHello).orElseThrow().versions());
        assertEquals(List.of(PskKeyExchangeMode.PSK_DHE_KE),
                extensions.find(ExtensionType.PSK_KEY_EXCHANGE_MODES, PskKeyExchangeModes::decode).orElseThrow().knownModes());
    }

    @Test
    void simpleServerHelloNegotiatesTls13WithX25519() throws Exception {
        ServerHello hello = assertInstanceOf(ServerHello.class, decodeOne("simple-server-hello", TLS13));
        assertEquals(ProtocolVersion.TLS1_2, hello.serverVersion());
        assertEquals(ProtocolVersion.TLS1_3, hello.negotiatedVersion());
        assertFalse(hello.isHelloRetryRequest());
        assertFalse(hello.hasDowngradeSentinel());
        assertEquals(0x1301, hello.cipherSuite());
        hello.extensionsOrEmpty().requireAllowedIn(ExtensionMessage.SERVER_HELLO);
        KeyShare.ServerHello share = hello.extensionsOrEmpty().find(ExtensionType.KEY_SHARE, KeyShare::decodeServerHello).orElseThrow();
        assertTrue(share.serverShare().isFor(NamedGroup.X25519));
        assertEquals(32, share.serverShare().keyExchange().length);
    }

    @Test
    void simpleServerFlightDecodesMessageByMessage() throws Exception {
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        for (String name : List.of("simple-encrypted-extensions", "simple-certificate", "simple-certificate-verify",
                "simple-server-finished")) {
            flight.writeBytes(message(name));
        }
        assertEquals(657, flight.size(), "RFC 8448 §3: the server's encrypted flight is 657 bytes");
        List<HandshakeMessage> messages = OpenSslCaptureTest.decodeFlight(flight.toByteArray(), TLS13);
        assertEquals(List.of(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE, HandshakeType.CERTIFICATE_VERIFY,
                HandshakeType.FINISHED), messages.stream().map(HandshakeMessage::type).toList());

        EncryptedExtensions encrypted = (EncryptedExtensions) messages.get(0);
        assertEquals(List.of(10, 28, 0), encrypted.extensions().list().stream().map(e -> e.type()).toList());
        encrypted.extensions().requireAllowedIn(ExtensionMessage.ENCRYPTED_EXTENSIONS);

        Tls13Certificate certificate = (Tls13Certificate) messages.get(1);
        assertEquals(0, certificate.requestContext().length);
        assertEquals(1, certificate.certificateList().size());
        assertEquals(0x1B0, certificate.certificates().get(0).length);
        assertTrue(certificate.certificateList().get(0).extensions().isEmpty());

        CertificateVerify verify = (CertificateVerify) messages.get(2);
        assertEquals(OptionalInt.of(SignatureScheme.RSA_PSS_RSAE_SHA256.code()), verify.signature().algorithm());
        assertEquals(128, verify.signature().signature().length);

        Finished finished = (Finished) messages.get(3);
        assertTrue(finished.matches(HexFormat.of().parseHex("9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718")));
    }

    @Test
    void clientFinishedDecodesWithOrWithoutTheSuiteHashKnown() throws Exception {
        Finished known = (Finished) decodeOne("simple-client-finished", TLS13);
        Finished unknown = (Finished) decodeOne("simple-client-finished", DecodeContext.of(ProtocolVersion.TLS1_3));
        assertEquals(known, unknown);
        assertEquals(32, known.verifyData().length);
    }

    @Test
    void simpleNewSessionTicketCarriesAgeAddNonceAndEarlyData() throws Exception {
        Tls13NewSessionTicket ticket = assertInstanceOf(Tls13NewSessionTicket.class, decodeOne("simple-new-session-ticket", TLS13));
        assertEquals(30, ticket.lifetimeSeconds());
        assertEquals(0xFAD6AAC5L, ticket.ageAdd());
        assertArrayEquals(new byte[2], ticket.nonce());
        assertEquals(0xB2, ticket.ticket().length);
        ticket.extensions().requireAllowedIn(ExtensionMessage.NEW_SESSION_TICKET);
        assertEquals(OptionalLong.of(1024), ticket.extensions().find(ExtensionType.EARLY_DATA, EarlyData::decodeNewSessionTicket)
                .orElseThrow().maxEarlyDataSize());
    }

    @Test
    void resumedClientHelloOffersTheTicketAndItsBinderComesLast() throws Exception {
        byte[] bytes = message("resumed-client-hello");
        ClientHello hello = (ClientHello) decodeOne("resumed-client-hello", DecodeContext.of(ProtocolVersion.TLS1_2));
        var extensions = hello.extensionsOrEmpty().list();
        assertEquals(ExtensionType.PRE_SHARED_KEY.code(), extensions.get(extensions.size() - 1).type());
        PreSharedKey.OfferedPsks offered = hello.extensionsOrEmpty()
                .find(ExtensionType.PRE_SHARED_KEY, PreSharedKey::decodeClientHello).orElseThrow();
        assertEquals(1, offered.identities().size());
        assertEquals(0xB2, offered.identities().get(0).identity().length);
        assertEquals(0xFAD6AACBL, offered.identities().get(0).obfuscatedTicketAge());
        byte[] binder = HexFormat.of().parseHex("3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d");
        assertArrayEquals(binder, offered.binders().get(0));

        // RFC 8448 §4: the binder is computed over the first 477 bytes, the ClientHello up to its binders list.
        assertEquals(477, PartialClientHello.bindersOffset(hello));
        assertArrayEquals(Arrays.copyOf(bytes, 477), PartialClientHello.bytes(hello));
        ClientHello placeholder = PartialClientHello.withBinders(hello, List.of(new byte[32]));
        assertArrayEquals(PartialClientHello.bytes(hello), PartialClientHello.bytes(placeholder),
                "the bytes the binder covers do not depend on the binder");
        assertArrayEquals(bytes, PartialClientHello.withBinders(placeholder, List.of(binder)).encode());
    }

    @Test
    void helloRetryRequestAsksForSecp256r1WithACookie() throws Exception {
        ServerHello retry = (ServerHello) decodeOne("hrr-hello-retry-request", DecodeContext.of(ProtocolVersion.TLS1_2));
        assertTrue(retry.isHelloRetryRequest());
        assertArrayEquals(ServerHello.HELLO_RETRY_REQUEST_RANDOM, retry.random());
        var extensions = retry.extensionsOrEmpty();
        extensions.requireAllowedIn(ExtensionMessage.HELLO_RETRY_REQUEST);
        assertEquals(new KeyShare.HelloRetryRequest(NamedGroup.SECP256R1),
                extensions.find(ExtensionType.KEY_SHARE, KeyShare::decodeHelloRetryRequest).orElseThrow());
        assertEquals(0x72, extensions.find(ExtensionType.COOKIE, Cookie::decode).orElseThrow().cookie().length);
        assertEquals(ProtocolVersion.TLS1_3, retry.negotiatedVersion());
        assertTrue(retry.toString().startsWith("HelloRetryRequest["));
    }
}
