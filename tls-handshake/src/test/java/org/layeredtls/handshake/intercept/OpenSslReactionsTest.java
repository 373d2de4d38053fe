package org.layeredtls.handshake.intercept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.research.Attacks;
import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * How OpenSSL reacts when our side breaks the handshake on purpose, through the interceptors:
 * our client against {@code openssl s_server -tls1_2}, and {@code openssl s_client} against our server.
 */
class OpenSslReactionsTest {

    // ------------------------------------------------------------------ our client, OpenSSL's server

    @Test
    void opensslServerAnswersATamperedClientFinishedWithDecryptError() throws Exception {
        assertEquals(AlertDescription.DECRYPT_ERROR,
                alertFromOpenSslServer(Tls12Pki.client().handshakeInterceptor(Attacks.tamperFinished())));
    }

    @Test
    void opensslServerAnswersAChangeCipherSpecRightAfterClientHelloWithUnexpectedMessage() throws Exception {
        // The CCS record must carry the version OpenSSL chose ({3,3}), or it fails the record check first (below).
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertFromOpenSslServer(Tls12Pki.client()
                .handshakeInterceptor(Attacks.earlyChangeCipherSpecAfter(HandshakeType.CLIENT_HELLO))
                .recordInterceptor(Attacks.changeCipherSpecRecordsInVersion(ProtocolVersion.TLS1_2))));
    }

    @Test
    void opensslServerChecksTheRecordVersionBeforeTheContentTypeOfAnEarlyChangeCipherSpec() throws Exception {
        // Our early CCS goes out in the ClientHello's record version {3,1}; OpenSSL has chosen TLS 1.2 by then.
        assertEquals(AlertDescription.PROTOCOL_VERSION, alertFromOpenSslServer(
                Tls12Pki.client().handshakeInterceptor(Attacks.earlyChangeCipherSpecAfter(HandshakeType.CLIENT_HELLO))));
    }

    @Test
    void opensslServerAnswersAFlippedBitInOurFirstProtectedRecordWithBadRecordMac() throws Exception {
        assertEquals(AlertDescription.BAD_RECORD_MAC,
                alertFromOpenSslServer(Tls12Pki.client().recordInterceptor(Attacks.flipBitInFirstProtectedRecord())));
    }

    @Test
    void opensslServerSpeakingOnlyTls12AnswersAClientHelloDowngradedToTls10WithProtocolVersion() throws Exception {
        assertEquals(AlertDescription.PROTOCOL_VERSION, alertFromOpenSslServer(
                Tls12Pki.client().handshakeInterceptor(Attacks.helloVersionTls10(HandshakeType.CLIENT_HELLO))));
    }

    @Test
    void anUnchangedHandshakeThroughBothInterceptorsStillCompletes() throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-tls1_2", "-cert", Pki.serverPem().toString(),
                "-key", Pki.serverKey().toString());
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), Tls12Pki.client()
                     .handshakeInterceptor(HandshakeInterceptor.PASS).recordInterceptor(OutgoingRecord::bytes).build())) {
            socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
            socket.getOutputStream().write("ping through the hooks\n".getBytes(StandardCharsets.US_ASCII));
            server.awaitOutput("ping through the hooks");
        }
    }

    private static AlertDescription alertFromOpenSslServer(TlsConfig.Builder client) throws Exception {
        try (OpenSslProcess server = OpenSslProcess.server("-tls1_2", "-cert", Pki.serverPem().toString(),
                "-key", Pki.serverKey().toString())) {
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), client.build())) {
                socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                TlsAlertReceivedException e = assertThrows(TlsAlertReceivedException.class, socket::startHandshake,
                        server::output);
                return e.description();
            }
        }
    }

    // ------------------------------------------------------------------ OpenSSL's client, our server

    @Test
    void opensslClientAnswersATamperedServerFinishedWithDecryptError() throws Exception {
        assertEquals(AlertDescription.DECRYPT_ERROR,
                alertFromOpenSslClient(Tls12Pki.server().handshakeInterceptor(Attacks.tamperFinished())));
    }

    @Test
    void opensslClientAnswersAChangeCipherSpecRightAfterServerHelloWithUnexpectedMessage() throws Exception {
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertFromOpenSslClient(
                Tls12Pki.server().handshakeInterceptor(Attacks.earlyChangeCipherSpecAfter(HandshakeType.SERVER_HELLO))));
    }

    @Test
    void opensslClientAnswersAFlippedBitInOurFirstProtectedRecordWithBadRecordMac() throws Exception {
        assertEquals(AlertDescription.BAD_RECORD_MAC,
                alertFromOpenSslClient(Tls12Pki.server().recordInterceptor(Attacks.flipBitInFirstProtectedRecord())));
    }

    @Test
    void opensslClientAnswersAServerHelloDowngradedToTls10WithProtocolVersion() throws Exception {
        assertEquals(AlertDescription.PROTOCOL_VERSION, alertFromOpenSslClient(
                Tls12Pki.server().handshakeInterceptor(Attacks.helloVersionTls10(HandshakeType.SERVER_HELLO))));
    }

    @Test
    void opensslClientWaitsSilentlyWhenServerHelloDoneIsDropped() throws Exception {
        TlsConfig config = Tls12Pki.server().handshakeInterceptor(Attacks.drop(HandshakeType.SERVER_HELLO_DONE)).build();
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
             OpenSslProcess client = OpenSslProcess.client(listener.getLocalPort(), "-tls1_2",
                     "-CAfile", Pki.caPem().toString())) {
            try (TlsSocket socket = listener.accept()) {
                socket.socket().setSoTimeout(2_000); // the bound: OpenSSL never answers an unfinished flight
                assertThrows(SocketTimeoutException.class, socket::startHandshake);
                assertTrue(client.isAlive(), "s_client still waits for the rest of our flight");
            }
            // Once we close, s_client gives up: no alert from it, and no cipher was ever agreed.
            client.awaitOutput("Cipher is (NONE)");
            assertFalse(client.output().contains("alert"), client::output);
        }
    }

    private static AlertDescription alertFromOpenSslClient(TlsConfig.Builder server) throws Exception {
        try (TlsServerSocket listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, server.build());
             OpenSslProcess client = OpenSslProcess.client(listener.getLocalPort(), "-tls1_2",
                     "-CAfile", Pki.caPem().toString())) {
            CompletableFuture<TlsSocket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (TlsSocket socket = accepted.get(OpenSslProcess.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                // The server's last flight ends its handshake: the client's alert comes on the next read.
                TlsAlertReceivedException e = assertThrows(TlsAlertReceivedException.class, () -> {
                    socket.startHandshake();
                    socket.getInputStream().read();
                }, client::output);
                assertTrue(client.awaitExit(OpenSslProcess.TIMEOUT_MILLIS), "s_client ends after its fatal alert");
                return e.description();
            }
        }
    }
}
