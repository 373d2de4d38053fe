package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.HandshakeMessageLimits;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;

/**
 * Handshake messages are bounded by what a legal peer can send: the largest legal ClientHello
 * (131,396 bytes of body) gets a ServerHello, one byte more is refused from its header with
 * illegal_parameter, as {@code openssl s_server} does; Certificate messages are capped by
 * TlsConfig.maxCertificateList (OpenSSL's max_cert_list), with the same alert.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HandshakeSizeLimitsTest {

    private static final AlertDescription ILLEGAL_PARAMETER = AlertDescription.ILLEGAL_PARAMETER;

    private HandshakeServer listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    /** Every vector at its maximum: 32 bytes of session id, 32,767 suites, 255 compression methods, 2^16-1 bytes of extensions. */
    static byte[] largestLegalClientHello() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {3, 3});
        body.writeBytes(filled(32, 0x11)); // random
        body.write(32);
        body.writeBytes(filled(32, 0x22)); // session_id
        u16(body, 65534);
        u16(body, 0xC02F); // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (the test server's key is RSA)
        for (int code = 0x2000, written = 1; written < 32767; code++) {
            if (code != 0x5600) { // not TLS_FALLBACK_SCSV: only unassigned codes, which a server ignores
                u16(body, code);
                written++;
            }
        }
        body.write(255);
        body.write(0); // null compression, then 254 unknown methods
        for (int method = 0x40; method < 0x40 + 254; method++) {
            body.write(method);
        }
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        extension(extensions, 10, new byte[] {0, 4, 0, 0x1d, 0, 0x17}); // supported_groups: x25519, secp256r1
        extension(extensions, 11, new byte[] {1, 0});                   // ec_point_formats: uncompressed
        extension(extensions, 13, new byte[] {0, 4, 8, 4, 4, 1});       // signature_algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256
        extension(extensions, 0xFF01, new byte[] {0});                  // renegotiation_info, empty
        extension(extensions, 21, new byte[65535 - extensions.size() - 4]); // padding (RFC 7685) up to 2^16-1 bytes
        u16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());
        byte[] message = new byte[4 + body.size()];
        message[0] = 1;
        message[1] = (byte) (body.size() >>> 16);
        message[2] = (byte) (body.size() >>> 8);
        message[3] = (byte) body.size();
        System.arraycopy(body.toByteArray(), 0, message, 4, body.size());
        return message;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** Sends {@code bytes} and reads the server's answer up to its ServerHello, its first alert, or its close. */
    private static Reply answer(int port, byte[] bytes) throws IOException {
        try (RawPeer peer = RawPeer.connect(port)) {
            return peer.send(bytes).awaitHandshake(HandshakeType.SERVER_HELLO, HandshakeServer.BOUND);
        }
    }

    private int ourServer() throws IOException {
        listener = HandshakeServer.bind(Tls12Pki.server().build());
        listener.acceptOne();
        return listener.port();
    }

    private static void assertServerHello(Reply answer, String who) {
        assertTrue(answer.alerts().isEmpty(), who + " answered " + answer);
        assertEquals(Optional.of(HandshakeType.SERVER_HELLO), answer.handshakeTypes().stream().findFirst(),
                who + ": the first message is a ServerHello; " + answer);
    }

    /** The first thing the server sent is this fatal alert (no handshake message before it). */
    private static void assertFatalFirst(AlertDescription description, Reply answer, String who) {
        assertEquals(List.of(), answer.handshakeTypes(), who + " answered " + answer);
        answer.assertFatal(description, who);
    }

    @Test
    void theLargestLegalClientHelloGetsAServerHelloFromOurServer() throws Exception {
        byte[] hello = largestLegalClientHello();
        assertEquals(4 + 131_396, hello.length);
        assertEquals(131_396, HandshakeMessageLimits.CLIENT_HELLO_MAX);
        assertServerHello(answer(ourServer(), RawPeer.handshakeRecords(ProtocolVersion.TLS1_2, hello)), "our server");
    }

    @Test
    void openSslServerAnswersTheLargestLegalClientHelloToo() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(), "-www")) {
            assertServerHello(answer(server.port(), RawPeer.handshakeRecords(ProtocolVersion.TLS1_2, largestLegalClientHello())), "openssl s_server");
        }
    }

    private static byte[] clientHelloHeader(int bodyLength) {
        return RawPeer.record(ContentType.HANDSHAKE, ProtocolVersion.TLS1_2, new byte[] {1, (byte) (bodyLength >>> 16), (byte) (bodyLength >>> 8), (byte) bodyLength});
    }

    @Test
    void aClientHelloOneByteLongerThanLegalIsRefusedFromItsHeaderWithIllegalParameterByUsAndByOpenSsl() throws Exception {
        assertFatalFirst(ILLEGAL_PARAMETER, answer(ourServer(), clientHelloHeader(131_397)), "our server");
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(), "-www")) {
            assertFatalFirst(ILLEGAL_PARAMETER, answer(server.port(), clientHelloHeader(131_397)), "openssl s_server");
            server.awaitOutput("excessive message size");
        }
    }

    @Test
    void theReassemblerBoundsEachTypeByItsLegalMaximumAndCertificatesByMaxCertList() throws TlsAlertException {
        HandshakeReassembler reassembler = HandshakeReassembler.withMaxCertificateList(1000);
        assertTrue(reassembler.add(new byte[] {1, 2, 1, 0x44}).isEmpty(), "a 131,396-byte ClientHello is buffered");
        TlsAlertException tooLong = assertThrows(TlsAlertException.class,
                () -> HandshakeReassembler.withMaxCertificateList(1000).add(new byte[] {1, 2, 1, 0x45}));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, tooLong.description());
        assertTrue(HandshakeReassembler.withMaxCertificateList(1000).add(new byte[] {11, 0, 3, (byte) 0xE8}).isEmpty());
        TlsAlertException chain = assertThrows(TlsAlertException.class,
                () -> HandshakeReassembler.withMaxCertificateList(1000).add(new byte[] {11, 0, 3, (byte) 0xE9}));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, chain.description());
        assertTrue(chain.getMessage().contains("excessive message size"), chain.getMessage());
    }

    @Test
    void aClientRefusesACertificateChainLongerThanItsMaxCertificateList() throws Exception {
        listener = HandshakeServer.bind(Tls12Pki.server().build());
        Future<HandshakeServer.Outcome> server = listener.acceptOne();
        TlsSocket client = TlsSocket.connect("127.0.0.1", listener.port(), Tls12Pki.client().maxCertificateList(100).build());
        TlsAlertException sent = assertThrows(TlsAlertException.class, client::startHandshake);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, sent.description());
        client.close();
        TlsAlertReceivedException received = assertInstanceOf(TlsAlertReceivedException.class, HandshakeServer.failureOf(server));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, received.alert().description());
    }
}
