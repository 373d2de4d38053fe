package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.ApplicationLayerProtocolNegotiation;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.message.ServerHelloDone;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * Bad input from a scripted peer, answered with the alert the RFC names: the peer here is raw bytes
 * on a loopback socket, so every malformation can be sent exactly.
 */
@Timeout(60)
class HandshakeAlertsTest {

    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private static byte[] record(int type, int minor, byte[] fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(3);
        out.write(minor);
        out.write(fragment.length >>> 8);
        out.write(fragment.length);
        out.writeBytes(fragment);
        return out.toByteArray();
    }

    private static byte[] handshake(HandshakeMessage... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HandshakeMessage message : messages) {
            out.writeBytes(HandshakeFrame.of(message).bytes());
        }
        return record(22, 3, out.toByteArray());
    }

    /** Reads records until an alert arrives; returns its two bytes. */
    private static byte[] readAlert(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        while (true) {
            byte[] header = new byte[5];
            data.readFully(header);
            byte[] fragment = new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)];
            data.readFully(fragment);
            if (header[0] == 21) {
                return fragment;
            }
        }
    }

    private static ServerHello serverHello(int suite, Optional<Extensions> extensions) {
        return new ServerHello(ProtocolVersion.TLS1_2, new byte[32], new byte[0], suite, 0, extensions);
    }

    private static final int OFFERED = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.code();

    /** Our client against a server that answers the ClientHello with {@code answer}; returns (our error, alert seen). */
    private void clientRefuses(byte[] answer, AlertDescription expected) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<byte[]> server = background.submit(() -> {
                try (Socket socket = listener.accept()) {
                    socket.setSoTimeout(20_000);
                    InputStream in = socket.getInputStream();
                    byte[] header = in.readNBytes(5); // the ClientHello record
                    in.readNBytes(((header[3] & 0xFF) << 8) | (header[4] & 0xFF));
                    OutputStream out = socket.getOutputStream();
                    out.write(answer);
                    out.flush();
                    return readAlert(in);
                }
            });
            TlsConfig config = TestCertificates.client().build();
            try (TlsSocket client = TlsSocket.connect("localhost", listener.getLocalPort(), config)) {
                client.socket().setSoTimeout(20_000);
                TlsAlertException error = assertThrows(TlsAlertException.class, client::startHandshake);
                assertEquals(expected, error.description(), error.getMessage());
            }
            assertArrayEquals(new byte[] {2, (byte) expected.code()}, server.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void serverHelloDoneBeforeServerHelloIsUnexpectedMessage() throws Exception {
        clientRefuses(handshake(new ServerHelloDone()), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void changeCipherSpecBeforeTheKeysIsUnexpectedMessage() throws Exception {
        clientRefuses(record(20, 3, new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void applicationDataBeforeTheHandshakeIsUnexpectedMessage() throws Exception {
        clientRefuses(record(23, 3, new byte[] {1, 2, 3}), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void aSuiteTheClientDidNotOfferIsIllegalParameter() throws Exception {
        clientRefuses(handshake(serverHello(CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA.code(), Optional.empty())),
                AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aVersionAboveTheClientsIsProtocolVersion() throws Exception {
        ServerHello hello = new ServerHello(ProtocolVersion.TLS1_3, new byte[32], new byte[0], OFFERED, 0, Optional.empty());
        clientRefuses(handshake(hello), AlertDescription.PROTOCOL_VERSION);
    }

    @Test
    void anExtensionTheClientDidNotOfferIsUnsupportedExtension() throws Exception {
        Extensions unsolicited = new Extensions(List.of(new Extension(28, new byte[] {0x40, 0})));
        clientRefuses(handshake(serverHello(OFFERED, Optional.of(unsolicited))), AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void aNonEmptyRenegotiationInfoInTheFirstHandshakeIsHandshakeFailure() throws Exception {
        Extensions info = Extensions.of(new RenegotiationInfo(new byte[12]));
        clientRefuses(handshake(serverHello(OFFERED, Optional.of(info))), AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void aDuplicateExtensionIsIllegalParameter() throws Exception {
        // extensions: renegotiation_info (ff01, len 1, 00) twice
        byte[] body = HandshakeFrame.of(serverHello(OFFERED, Optional.empty())).body();
        ByteArrayOutputStream withDuplicates = new ByteArrayOutputStream();
        withDuplicates.writeBytes(body);
        withDuplicates.writeBytes(new byte[] {0, 10, (byte) 0xff, 1, 0, 1, 0, (byte) 0xff, 1, 0, 1, 0});
        byte[] message = withDuplicates.toByteArray();
        byte[] framed = new byte[4 + message.length];
        framed[0] = 2;
        framed[2] = (byte) (message.length >>> 8);
        framed[3] = (byte) message.length;
        System.arraycopy(message, 0, framed, 4, message.length);
        clientRefuses(record(22, 3, framed), AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aTruncatedServerHelloIsDecodeError() throws Exception {
        clientRefuses(record(22, 3, new byte[] {2, 0, 0, 3, 3, 3, 0}), AlertDescription.DECODE_ERROR);
    }

    @Test
    void anUndecodableCertificateIsBadCertificate() throws Exception {
        byte[] hello = HandshakeFrame.of(serverHello(OFFERED, Optional.empty())).bytes();
        byte[] certificate = HandshakeFrame.of(new org.layeredtls.handshake.message.Certificate(
                List.of(new byte[] {0x30, 3, 1, 2, 3}))).bytes();
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        flight.writeBytes(hello);
        flight.writeBytes(certificate);
        clientRefuses(record(22, 3, flight.toByteArray()), AlertDescription.BAD_CERTIFICATE);
    }

    @Test
    void aThreeByteAlertIsDecodeError() throws Exception {
        clientRefuses(record(21, 3, new byte[] {1, 0, 0}), AlertDescription.DECODE_ERROR);
    }

    // ------------------------------------------------------------------ server side

    /** Our server receives {@code records}; returns the alert it sent, after checking its exception. */
    private void serverRefuses(TlsConfig config, byte[] records, AlertDescription expected) throws Exception {
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config)) {
            Future<TlsAlertException> server = background.submit(() -> {
                try (TlsSocket socket = listener.accept()) {
                    socket.socket().setSoTimeout(20_000);
                    return assertThrows(TlsAlertException.class, socket::startHandshake);
                }
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                client.setSoTimeout(20_000);
                client.getOutputStream().write(records);
                client.getOutputStream().flush();
                assertArrayEquals(new byte[] {2, (byte) expected.code()}, readAlert(client.getInputStream()));
            }
            assertEquals(expected, server.get(20, TimeUnit.SECONDS).description());
        }
    }

    private static ClientHello clientHello(ProtocolVersion version, List<Integer> suites, List<Integer> compression,
                                           Optional<Extensions> extensions) {
        return new ClientHello(version, new byte[32], new byte[0], suites, compression, extensions);
    }

    @Test
    void aClientBelowOurMinimumVersionIsProtocolVersion() throws Exception {
        serverRefuses(TestCertificates.server().build(),
                handshake(clientHello(ProtocolVersion.TLS1_0, List.of(OFFERED), List.of(0), Optional.empty())),
                AlertDescription.PROTOCOL_VERSION);
    }

    @Test
    void aClientHelloWithoutNullCompressionIsIllegalParameter() throws Exception {
        serverRefuses(TestCertificates.server().build(),
                handshake(clientHello(ProtocolVersion.TLS1_2, List.of(OFFERED), List.of(1), Optional.empty())),
                AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aFallbackBelowOurHighestVersionIsInappropriateFallback() throws Exception {
        serverRefuses(TestCertificates.server().versions(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_2)
                        .cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA).build(),
                handshake(clientHello(ProtocolVersion.TLS1_1, List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA.code(),
                        CipherSuite.TLS_FALLBACK_SCSV.code()), List.of(0), Optional.empty())),
                AlertDescription.INAPPROPRIATE_FALLBACK);
    }

    @Test
    void noSuiteInCommonIsHandshakeFailure() throws Exception {
        serverRefuses(TestCertificates.server().build(),
                handshake(clientHello(ProtocolVersion.TLS1_2, List.of(CipherSuite.TLS_RSA_WITH_NULL_SHA.code()),
                        List.of(0), Optional.empty())),
                AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void noApplicationProtocolInCommonIsNoApplicationProtocol() throws Exception {
        serverRefuses(TestCertificates.server().alpn("cwmp").build(),
                handshake(clientHello(ProtocolVersion.TLS1_2, List.of(OFFERED), List.of(0),
                        Optional.of(Extensions.of(ApplicationLayerProtocolNegotiation.of("h2"),
                                org.layeredtls.handshake.extension.SupportedGroups.of(
                                        org.layeredtls.handshake.extension.NamedGroup.X25519),
                                org.layeredtls.handshake.extension.SignatureAlgorithms.of(
                                        org.layeredtls.handshake.extension.SignatureScheme.RSA_PKCS1_SHA256))))),
                AlertDescription.NO_APPLICATION_PROTOCOL);
    }

    @Test
    void aFinishedBeforeTheClientHelloIsUnexpectedMessage() throws Exception {
        serverRefuses(TestCertificates.server().build(),
                handshake(new org.layeredtls.handshake.message.Finished(new byte[12])),
                AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void anHttpRequestInsteadOfTlsIsUnexpectedMessage() throws Exception {
        serverRefuses(TestCertificates.server().build(), "GET / HTTP/1.1\r\n\r\n".getBytes(),
                AlertDescription.UNEXPECTED_MESSAGE);
    }
}
