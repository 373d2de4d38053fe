package org.layeredtls.handshake.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.ExtendedMasterSecret;
import org.layeredtls.handshake.suite.KeyExchangeAlgorithm;
import org.layeredtls.record.ProtocolVersion;

class MessageTest {

    private static final byte[] RANDOM = new byte[32];

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static TlsAlertException assertAlert(AlertDescription expected, Executable decode) {
        TlsAlertException e = assertThrows(TlsAlertException.class, decode);
        assertEquals(expected, e.description());
        assertEquals(TlsLayer.HANDSHAKE, e.layer());
        return e;
    }

    private static ClientHello hello(Optional<Extensions> extensions) {
        return new ClientHello(ProtocolVersion.TLS1_2, RANDOM, new byte[0], List.of(0xC02F), List.of(0), extensions);
    }

    @Test
    void handshakeTypeCodesAreTheRfcs() throws TlsAlertException {
        assertEquals(20, HandshakeType.FINISHED.code());
        assertEquals(4, HandshakeType.NEW_SESSION_TICKET.code());
        assertSame(HandshakeType.SERVER_HELLO_DONE, HandshakeType.fromCode(14));
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> HandshakeType.fromCode(3));
    }

    @Test
    void messagesAreFramedWithTypeAndThreeByteLength() {
        assertArrayEquals(hex("0e000000"), new ServerHelloDone().encode());
        assertArrayEquals(hex("00000000"), new HelloRequest().encode());
        assertArrayEquals(hex("14000003010203"), new Finished(hex("010203")).encode());
    }

    @Test
    void absentAndEmptyExtensionsAreDifferentBytes() throws TlsAlertException {
        byte[] absent = hello(Optional.empty()).encodeBody();
        byte[] empty = hello(Optional.of(Extensions.empty())).encodeBody();
        assertEquals(absent.length + 2, empty.length);
        assertEquals(Optional.empty(), ClientHello.decode(absent).extensions());
        assertEquals(Optional.of(Extensions.empty()), ClientHello.decode(empty).extensions());
        assertNotEquals(ClientHello.decode(absent), ClientHello.decode(empty));
    }

    @Test
    void clientHelloFieldsOutOfTheirBoundsAreDecodeErrors() {
        byte[] body = hello(Optional.empty()).encodeBody();
        byte[] longSessionId = body.clone();
        longSessionId[34] = 33;
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientHello.decode(longSessionId));
        byte[] oddSuites = body.clone();
        oddSuites[36] = 3;
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientHello.decode(oddSuites));
        byte[] noCompression = hex("0303" + "00".repeat(32) + "00" + "0002c02f" + "00");
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientHello.decode(noCompression));
        byte[] trailing = hex("0303" + "00".repeat(32) + "00" + "0002c02f" + "0100" + "000000");
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientHello.decode(trailing));
    }

    @Test
    void duplicateExtensionInAHelloIsIllegalParameter() {
        byte[] body = hex("0303" + "00".repeat(32) + "00" + "0002c02f" + "0100" + "0008" + "00170000" + "00170000");
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ClientHello.decode(body));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ServerHello.decode(
                hex("0303" + "00".repeat(32) + "00" + "c02f" + "00" + "0008" + "00170000" + "00170000")));
    }

    @Test
    void emptyMessagesWithABodyAreDecodeErrors() {
        assertAlert(AlertDescription.DECODE_ERROR, () -> ServerHelloDone.decode(hex("00")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> HelloRequest.decode(hex("00")));
    }

    @Test
    void rsaClientKeyExchangeHasALengthInTlsButNotInSsl3() throws TlsAlertException {
        byte[] secret = hex("a1a2a3");
        var ssl3 = new DecodeContext(ProtocolVersion.SSL3_0, KeyExchangeAlgorithm.RSA);
        var tls = new DecodeContext(ProtocolVersion.TLS1_0, KeyExchangeAlgorithm.RSA);
        assertArrayEquals(secret, ClientKeyExchange.decode(secret, ssl3).exchangeKeys());
        assertArrayEquals(hex("0003a1a2a3"),
                new ClientKeyExchange(ClientKeyExchange.Form.ENCRYPTED_PREMASTER_SECRET, secret).encodeBody());
        assertArrayEquals(secret, ClientKeyExchange.decode(hex("0003a1a2a3"), tls).exchangeKeys());
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientKeyExchange.decode(secret, tls));
    }

    @Test
    void ecdheClientKeyExchangeIsAOneBytePrefixedPoint() throws TlsAlertException {
        var context = new DecodeContext(ProtocolVersion.TLS1_2, KeyExchangeAlgorithm.ECDHE_ECDSA);
        assertArrayEquals(hex("0405"), ClientKeyExchange.decode(hex("020405"), context).exchangeKeys());
        assertAlert(AlertDescription.DECODE_ERROR, () -> ClientKeyExchange.decode(hex("00"), context));
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE,
                () -> ClientKeyExchange.decode(hex("020405"), DecodeContext.of(ProtocolVersion.TLS1_2)));
    }

    @Test
    void finishedLengthIs12InTlsAnd36InSsl3() throws TlsAlertException {
        assertEquals(12, DecodeContext.of(ProtocolVersion.TLS1_2).verifyDataLength());
        assertEquals(36, DecodeContext.of(ProtocolVersion.SSL3_0).verifyDataLength());
        assertEquals(36, Finished.decode(new byte[36], 36).verifyData().length);
        assertAlert(AlertDescription.DECODE_ERROR, () -> Finished.decode(new byte[12], 36));
        assertAlert(AlertDescription.DECODE_ERROR,
                () -> HandshakeMessages.decode(HandshakeType.FINISHED, new byte[13], DecodeContext.of(ProtocolVersion.TLS1_1)));
    }

    @Test
    void finishedMatchesOnlyTheSameVerifyData() {
        Finished finished = new Finished(hex("000102030405060708090a0b"));
        assertTrue(finished.matches(hex("000102030405060708090a0b")));
        assertFalse(finished.matches(hex("000102030405060708090a0c")));
        assertFalse(finished.matches(hex("000102030405060708090a")));
    }

    @Test
    void serverKeyExchangeUnderRsaIsUnexpected() {
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> ServerKeyExchange.decode(hex("0000"),
                new DecodeContext(ProtocolVersion.TLS1_2, KeyExchangeAlgorithm.RSA)));
    }

    @Test
    void explicitCurvesAreIllegalParameter() {
        var context = new DecodeContext(ProtocolVersion.TLS1_2, KeyExchangeAlgorithm.ECDHE_RSA);
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> ServerKeyExchange.decode(hex("01001701040401" + "0000"), context));
    }

    @Test
    void signatureAlgorithmIsOnTheWireOnlyFromTls12() throws TlsAlertException {
        byte[] tls12 = hex("0401" + "0002abcd");
        byte[] tls11 = hex("0002abcd");
        var v12 = CertificateVerify.decode(tls12, DecodeContext.of(ProtocolVersion.TLS1_2));
        var v11 = CertificateVerify.decode(tls11, DecodeContext.of(ProtocolVersion.TLS1_1));
        assertEquals(0x0401, v12.signature().algorithm().getAsInt());
        assertTrue(v11.signature().algorithm().isEmpty());
        assertArrayEquals(v12.signature().signature(), v11.signature().signature());
        assertAlert(AlertDescription.DECODE_ERROR, () -> CertificateVerify.decode(tls12, DecodeContext.of(ProtocolVersion.TLS1_1)));
    }

    @Test
    void certificateRequestBeforeTls12HasNoSignatureAlgorithms() throws TlsAlertException {
        byte[] tls11 = hex("020140" + "0005" + "0003300100");
        var request = CertificateRequest.decode(tls11, DecodeContext.of(ProtocolVersion.SSL3_0));
        assertEquals(List.of(1, 64), request.certificateTypes());
        assertEquals(Optional.empty(), request.supportedSignatureAlgorithms());
        assertArrayEquals(hex("300100"), request.certificateAuthorities().get(0));
        assertArrayEquals(tls11, request.encodeBody());
    }

    @Test
    void emptyCertificateInAChainIsADecodeError() throws TlsAlertException {
        assertTrue(Certificate.decode(hex("000000")).isEmpty());
        assertAlert(AlertDescription.DECODE_ERROR, () -> Certificate.decode(hex("000003000000")));
    }

    @Test
    void oversizedMessageIsRefusedFromItsHeaderWithIllegalParameter() throws TlsAlertException {
        HandshakeReassembler reassembler = new HandshakeReassembler(1000);
        assertTrue(reassembler.add(hex("0b0003")).isEmpty());
        TlsAlertException e = assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> reassembler.add(hex("e9")));
        assertTrue(e.getMessage().contains("excessive message size"));
        assertSame(e, assertThrows(TlsAlertException.class, () -> reassembler.add(new byte[0])), "the failure sticks");
        HandshakeReassembler atTheLimit = new HandshakeReassembler(1000);
        assertTrue(atTheLimit.add(hex("0b0003e8")).isEmpty(), "exactly the limit is accepted");
        assertEquals(1, atTheLimit.add(new byte[1000]).size());
    }

    @Test
    void defaultCertificateLimitAcceptsAHundredKibibytes() throws TlsAlertException {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        byte[] message = new byte[4 + HandshakeMessageLimits.DEFAULT_MAX_CERTIFICATE_LIST];
        message[0] = 11;
        message[1] = (byte) (HandshakeMessageLimits.DEFAULT_MAX_CERTIFICATE_LIST >>> 16);
        message[2] = (byte) (HandshakeMessageLimits.DEFAULT_MAX_CERTIFICATE_LIST >>> 8);
        message[3] = (byte) HandshakeMessageLimits.DEFAULT_MAX_CERTIFICATE_LIST;
        assertEquals(1, reassembler.add(message).size());
        message[2]++;
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> new HandshakeReassembler().add(message, 0, 4));
    }

    @Test
    void unknownTypeIsUnexpectedMessageAsSoonAsTheHeaderIsIn() throws TlsAlertException {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        assertTrue(reassembler.add(hex("030000")).isEmpty());
        assertTrue(reassembler.hasPartialMessage());
        assertAlert(AlertDescription.UNEXPECTED_MESSAGE, () -> reassembler.add(hex("05")));
    }

    @Test
    void oneRecordMayHoldSeveralMessagesAndEndMidMessage() throws TlsAlertException {
        HandshakeReassembler reassembler = new HandshakeReassembler();
        byte[] record = hex("0e000000" + "00000000" + "140000030102");
        List<HandshakeFrame> frames = reassembler.add(record);
        assertEquals(List.of(HandshakeType.SERVER_HELLO_DONE, HandshakeType.HELLO_REQUEST),
                frames.stream().map(HandshakeFrame::type).toList());
        assertEquals(6, reassembler.bufferedLength());
        frames = reassembler.add(hex("03"));
        assertEquals(new HandshakeFrame(HandshakeType.FINISHED, hex("010203")), frames.get(0));
        assertFalse(reassembler.hasPartialMessage());
    }

    @Test
    void hellosExposeTheirExtensionsTyped() throws TlsAlertException {
        ClientHello hello = hello(Optional.of(Extensions.of(new ExtendedMasterSecret())));
        assertTrue(ClientHello.decode(hello.encodeBody()).extensionsOrEmpty()
                .find(org.layeredtls.handshake.extension.ExtensionType.EXTENDED_MASTER_SECRET, ExtendedMasterSecret::decode)
                .isPresent());
    }
}
