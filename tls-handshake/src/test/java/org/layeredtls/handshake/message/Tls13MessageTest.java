package org.layeredtls.handshake.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.testing.CodecAssertions.assertHandshakeAlert;
import static org.layeredtls.handshake.testing.CodecAssertions.hex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SignatureScheme;
import org.layeredtls.record.ProtocolVersion;

/** The TLS 1.3 messages (RFC 8446 §4): wire forms, the alert for each malformed body, dispatch by version. */
class Tls13MessageTest {

    private static final DecodeContext TLS13 = DecodeContext.tls13(HashAlgorithm.SHA256);
    private static final DecodeContext TLS12 = DecodeContext.of(ProtocolVersion.TLS1_2);

    @Test
    void keyUpdateIsOneByteZeroOrOne() throws TlsAlertException {
        assertEquals(new KeyUpdate(false), KeyUpdate.decode(hex("00")));
        assertEquals(new KeyUpdate(true), KeyUpdate.decode(hex("01")));
        assertArrayEquals(hex("18000001" + "01"), new KeyUpdate(true).encode());
    }

    @Test
    void keyUpdateWithAnotherValueIsIllegalParameter() {
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> KeyUpdate.decode(hex("02")));
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> KeyUpdate.decode(hex("ff")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> KeyUpdate.decode(hex("")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> KeyUpdate.decode(hex("0100")));
    }

    @Test
    void endOfEarlyDataIsEmpty() throws TlsAlertException {
        assertEquals(new EndOfEarlyData(), EndOfEarlyData.decode(new byte[0]));
        assertArrayEquals(hex("05000000"), new EndOfEarlyData().encode());
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> EndOfEarlyData.decode(hex("00")));
    }

    @Test
    void encryptedExtensionsMayBeEmptyButNotShortOrTrailed() throws TlsAlertException {
        assertEquals(new EncryptedExtensions(Extensions.empty()), EncryptedExtensions.decode(hex("0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> EncryptedExtensions.decode(hex("")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> EncryptedExtensions.decode(hex("000000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> EncryptedExtensions.decode(hex("0004000a0001")));
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> EncryptedExtensions.decode(hex("0008" + "00000000" + "00000000")));
    }

    @Test
    void certificateCarriesAContextAndPerEntryExtensions() throws TlsAlertException {
        Tls13Certificate certificate = new Tls13Certificate(hex("abcd"), List.of(
                new CertificateEntry(hex("3000"), Extensions.empty()),
                new CertificateEntry(hex("3001ff"), new Extensions(List.of(new org.layeredtls.handshake.extension.Extension(5, hex("01")))))));
        byte[] body = certificate.encodeBody();
        assertArrayEquals(hex("02abcd" + "000014" + "0000023000" + "0000" + "0000033001ff" + "0005" + "0005000101"), body);
        assertEquals(certificate, Tls13Certificate.decode(body));
        assertEquals(List.of(2, 3), certificate.certificates().stream().map(c -> c.length).toList());
    }

    @Test
    void emptyCertificateListIsAClientWithoutCertificate() throws TlsAlertException {
        Tls13Certificate none = Tls13Certificate.decode(hex("00" + "000000"));
        assertTrue(none.isEmpty());
    }

    @Test
    void malformedCertificatesAreDecodeErrors() {
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13Certificate.decode(hex("00" + "000005" + "000000" + "0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13Certificate.decode(hex("00" + "000005" + "0000023000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13Certificate.decode(hex("00" + "000007" + "0000023000" + "0000" + "00")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13Certificate.decode(hex("05ab")));
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> Tls13Certificate.decode(
                hex("00" + "00000f" + "0000023000" + "0008" + "00050000" + "00050000")));
    }

    @Test
    void certificateRequestNeedsAtLeastOneExtension() throws TlsAlertException {
        Tls13CertificateRequest request = new Tls13CertificateRequest(new byte[0],
                Extensions.of(SignatureAlgorithms.of(SignatureScheme.ECDSA_SECP256R1_SHA256)));
        byte[] body = request.encodeBody();
        assertArrayEquals(hex("00" + "0008" + "000d0004" + "00020403"), body);
        assertEquals(request, Tls13CertificateRequest.decode(body));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13CertificateRequest.decode(hex("00" + "0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13CertificateRequest.decode(hex("00")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13CertificateRequest.decode(hex("00" + "0004000d0000" + "00")));
    }

    @Test
    void newSessionTicketRoundTripsAndRejectsAnEmptyTicket() throws TlsAlertException {
        Tls13NewSessionTicket ticket = new Tls13NewSessionTicket(7200, 0xFFFFFFFFL, hex("01"), hex("aabbcc"), Extensions.empty());
        byte[] body = ticket.encodeBody();
        assertArrayEquals(hex("00001c20" + "ffffffff" + "0101" + "0003aabbcc" + "0000"), body);
        assertEquals(ticket, Tls13NewSessionTicket.decode(body));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13NewSessionTicket.decode(hex("00001c20ffffffff" + "00" + "0000" + "0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13NewSessionTicket.decode(hex("00001c20ffffffff" + "00" + "0001aa")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13NewSessionTicket.decode(hex("00001c20ffffffff" + "00" + "0001aa" + "0000" + "00")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13NewSessionTicket.decode(hex("00001c20ffff")));
    }

    @Test
    void newSessionTicketExtensionsOf2To16Minus1BytesAreADecodeError() throws TlsAlertException {
        String head = "00001c20" + "ffffffff" + "00" + "0001aa";
        String almost = "fffe" + "fafa" + "fffa" + "00".repeat(0xFFFA);
        assertEquals(0xFFFE, Tls13NewSessionTicket.decode(hex(head + almost)).extensions().list().get(0).data().length + 4);
        String over = "ffff" + "fafa" + "fffb" + "00".repeat(0xFFFB);
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Tls13NewSessionTicket.decode(hex(head + over)));
    }

    @Test
    void tls13FinishedIsAsLongAsTheSuiteHash() throws TlsAlertException {
        assertEquals(32, ((Finished) HandshakeMessages.decode(HandshakeType.FINISHED, new byte[32], TLS13)).verifyData().length);
        DecodeContext sha384 = DecodeContext.tls13(HashAlgorithm.SHA384);
        assertEquals(48, ((Finished) HandshakeMessages.decode(HandshakeType.FINISHED, new byte[48], sha384)).verifyData().length);
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> HandshakeMessages.decode(HandshakeType.FINISHED, new byte[48], TLS13));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> HandshakeMessages.decode(HandshakeType.FINISHED, new byte[12], TLS13));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> HandshakeMessages.decode(HandshakeType.FINISHED, new byte[12],
                DecodeContext.of(ProtocolVersion.TLS1_3)));
    }

    @Test
    void dispatchReadsTheSameTypeCodeAsTheNegotiatedVersionDefinesIt() throws TlsAlertException {
        byte[] tls12Ticket = hex("00001c20" + "0001ab");
        assertTrue(HandshakeMessages.decode(HandshakeType.NEW_SESSION_TICKET, tls12Ticket, TLS12) instanceof NewSessionTicket);
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> HandshakeMessages.decode(HandshakeType.NEW_SESSION_TICKET, tls12Ticket, TLS13));
        byte[] emptyCertificate13 = hex("00000000");
        assertTrue(HandshakeMessages.decode(HandshakeType.CERTIFICATE, emptyCertificate13, TLS13) instanceof Tls13Certificate);
        assertTrue(HandshakeMessages.decode(HandshakeType.KEY_UPDATE, hex("00"), TLS13) instanceof KeyUpdate);
        assertTrue(HandshakeMessages.decode(HandshakeType.ENCRYPTED_EXTENSIONS, hex("0000"), TLS13) instanceof EncryptedExtensions);
    }

    @Test
    void messagesOfTheOtherVersionAreUnexpected() {
        for (HandshakeType type : List.of(HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.KEY_UPDATE,
                HandshakeType.END_OF_EARLY_DATA, HandshakeType.MESSAGE_HASH)) {
            assertHandshakeAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(type, hex("00"), TLS12));
        }
        for (HandshakeType type : List.of(HandshakeType.HELLO_REQUEST, HandshakeType.SERVER_KEY_EXCHANGE,
                HandshakeType.SERVER_HELLO_DONE, HandshakeType.CLIENT_KEY_EXCHANGE, HandshakeType.MESSAGE_HASH)) {
            assertHandshakeAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> HandshakeMessages.decode(type, new byte[0], TLS13));
        }
    }

    @Test
    void helloRetryRequestRandomIsSha256OfHelloRetryRequest() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest("HelloRetryRequest".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, ServerHello.HELLO_RETRY_REQUEST_RANDOM);
        ServerHello retry = new ServerHello(ProtocolVersion.TLS1_2, expected, new byte[0], 0x1301, 0, Optional.empty());
        assertTrue(retry.isHelloRetryRequest());
        expected[0] ^= 1;
        assertFalse(new ServerHello(ProtocolVersion.TLS1_2, expected, new byte[0], 0x1301, 0, Optional.empty()).isHelloRetryRequest());
    }

    @Test
    void downgradeSentinelsAreDowngrdAndOneOrZero() {
        assertArrayEquals(hex("444f574e47524401"), ServerHello.DOWNGRADE_TLS12);
        assertArrayEquals(hex("444f574e47524400"), ServerHello.DOWNGRADE_TLS11);
        byte[] random = new byte[32];
        byte[] tls12 = ServerHello.withDowngradeSentinel(random, ProtocolVersion.TLS1_2);
        assertArrayEquals(hex("00".repeat(24) + "444f574e47524401"), tls12);
        assertArrayEquals(hex("00".repeat(24) + "444f574e47524400"), ServerHello.withDowngradeSentinel(random, ProtocolVersion.TLS1_0));
        assertArrayEquals(random, ServerHello.withDowngradeSentinel(random, ProtocolVersion.TLS1_3));
        assertTrue(new ServerHello(ProtocolVersion.TLS1_2, tls12, new byte[0], 0xC02F, 0, Optional.empty()).hasDowngradeSentinel());
        assertFalse(new ServerHello(ProtocolVersion.TLS1_2, random, new byte[0], 0xC02F, 0, Optional.empty()).hasDowngradeSentinel());
    }

    @Test
    void preSharedKeyThatIsNotTheLastClientHelloExtensionIsIllegalParameter() {
        String psk = "0029" + "002f" + "000a" + "0004aabbccdd00000000" + "0021" + "20" + "00".repeat(32);
        String hello = "0303" + "00".repeat(32) + "00" + "00021301" + "0100";
        String notLast = psk + "002b00030203 04".replace(" ", "");
        String blockNotLast = String.format("%04x", notLast.length() / 2) + notLast;
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ClientHello.decode(hex(hello + blockNotLast)));
        String last = "002b0003020304" + psk;
        ClientHello ok = assertDoesNotThrowDecode(hex(hello + String.format("%04x", last.length() / 2) + last));
        assertEquals(2, ok.extensionsOrEmpty().size());
    }

    private static ClientHello assertDoesNotThrowDecode(byte[] body) {
        try {
            return ClientHello.decode(body);
        } catch (TlsAlertException e) {
            throw new AssertionError("a ClientHello with pre_shared_key last decodes", e);
        }
    }

    @Test
    void partialClientHelloNeedsPreSharedKeyLast() {
        ClientHello noPsk = new ClientHello(ProtocolVersion.TLS1_2, new byte[32], new byte[0], List.of(0x1301), List.of(0),
                Optional.of(Extensions.empty()));
        assertThrows(IllegalArgumentException.class, () -> PartialClientHello.bytes(noPsk));
    }
}
