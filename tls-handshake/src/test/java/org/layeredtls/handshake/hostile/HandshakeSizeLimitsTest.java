package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.intercept.OpenSslProcess;
import org.layeredtls.handshake.intercept.Pki;
import org.layeredtls.handshake.message.HandshakeMessageLimits;
import org.layeredtls.handshake.message.HandshakeReassembler;

/**
 * Handshake messages are bounded by what a legal peer can send: the largest legal ClientHello
 * (131,396 bytes of body) gets a ServerHello, one byte more is refused from its header with
 * illegal_parameter, as {@code openssl s_server} does; Certificate messages are capped by
 * TlsConfig.maxCertificateList (OpenSSL's max_cert_list), with the same alert.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HandshakeSizeLimitsTest {

    private static final int ILLEGAL_PARAMETER = AlertDescription.ILLEGAL_PARAMETER.code();

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private TlsServerSocket listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        threads.shutdownNow();
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

    /** Sends {@code bytes} and returns the first record the server answers with. */
    private static SurvivalWire.RawRecord firstAnswer(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) SurvivalWire.BOUND_MILLIS);
            socket.getOutputStream().write(bytes);
            return SurvivalWire.read(socket.getInputStream());
        }
    }

    private int ourServer() throws IOException {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Pki.server().build());
        threads.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.startHandshake();
            }
            return null;
        });
        return listener.getLocalPort();
    }

    private static void assertServerHello(SurvivalWire.RawRecord answer, String who) {
        assertNotNull(answer, who + " closed without an answer");
        assertEquals(SurvivalWire.HANDSHAKE, answer.type(), who + " answered " + answer.type() + " " + Arrays.toString(answer.fragment()));
        assertEquals(2, answer.fragment()[0], who + ": the first message is a ServerHello");
    }

    @Test
    void theLargestLegalClientHelloGetsAServerHelloFromOurServer() throws Exception {
        byte[] hello = largestLegalClientHello();
        assertEquals(4 + 131_396, hello.length);
        assertEquals(131_396, HandshakeMessageLimits.CLIENT_HELLO_MAX);
        assertServerHello(firstAnswer(ourServer(), SurvivalWire.handshakeRecords(hello)), "our server");
    }

    @Test
    void openSslServerAnswersTheLargestLegalClientHelloToo() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(), "-www")) {
            assertServerHello(firstAnswer(server.port(), SurvivalWire.handshakeRecords(largestLegalClientHello())), "openssl s_server");
        }
    }

    private static byte[] clientHelloHeader(int bodyLength) {
        return SurvivalWire.record(SurvivalWire.HANDSHAKE, new byte[] {1, (byte) (bodyLength >>> 16), (byte) (bodyLength >>> 8), (byte) bodyLength});
    }

    @Test
    void aClientHelloOneByteLongerThanLegalIsRefusedFromItsHeaderWithIllegalParameterByUsAndByOpenSsl() throws Exception {
        SurvivalWire.RawRecord ours = firstAnswer(ourServer(), clientHelloHeader(131_397));
        assertEquals(SurvivalWire.ALERT, ours.type());
        SurvivalWire.assertFatal(ILLEGAL_PARAMETER, ours.fragment(), "our server");
        try (OpenSslProcess server = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(), "-www")) {
            SurvivalWire.RawRecord theirs = firstAnswer(server.port(), clientHelloHeader(131_397));
            SurvivalWire.assertFatal(ILLEGAL_PARAMETER, theirs.fragment(), "openssl s_server");
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
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, Pki.server().build());
        Future<Exception> server = threads.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.startHandshake();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        TlsSocket client = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), Pki.client().maxCertificateList(100).build());
        TlsAlertException sent = assertThrows(TlsAlertException.class, client::startHandshake);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, sent.description());
        client.close();
        TlsAlertReceivedException received = assertInstanceOf(TlsAlertReceivedException.class,
                server.get(SurvivalWire.BOUND_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, received.alert().description());
    }
}
