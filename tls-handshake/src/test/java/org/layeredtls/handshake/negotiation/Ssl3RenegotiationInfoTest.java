package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.EncryptThenMac;
import org.layeredtls.handshake.extension.ExtendedMasterSecret;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.extension.SessionTicket;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.Reply;

/**
 * RFC 5746 §3.6 in SSL 3.0: a client that signalled secure renegotiation (the SCSV, or the extension)
 * gets renegotiation_info in the SSL 3.0 ServerHello, and no other extension, as from OpenSSL (whose
 * SSL 3.0 client refuses a server without it: "unsafe legacy renegotiation disabled").
 */
@Timeout(120)
class Ssl3RenegotiationInfoTest {

    private static final int SCSV = CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code();
    private static final CipherSuite SUITE = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;

    private static TlsConfig.Builder ssl3Server() {
        return Tls12Pki.server().securityLevel(0).versions(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_2).cipherSuites(SUITE);
    }

    private static ServerHello ssl3ServerHelloFor(List<Integer> suites, Optional<Extensions> extensions) throws Exception {
        ClientHello hello = new ClientHello(ProtocolVersion.SSL3_0, new byte[32], new byte[0], suites, List.of(0), extensions);
        try (HandshakeServer server = HandshakeServer.bind(ssl3Server().build(), HandshakeServer.BOUND)) {
            server.acceptOne();
            Reply answer = RawTls.exchange(server.port(), RawTls.handshake(ProtocolVersion.SSL3_0, hello));
            ServerHello serverHello = answer.serverHello().orElseThrow(() -> new AssertionError(answer.toString()));
            assertEquals(ProtocolVersion.SSL3_0, serverHello.serverVersion());
            return serverHello;
        }
    }

    @Test
    void theScsvGetsAnEmptyRenegotiationInfoInTheSsl3ServerHello() throws Exception {
        ServerHello hello = ssl3ServerHelloFor(List.of(SUITE.code(), SCSV), Optional.empty());
        assertEquals(Optional.of(Extensions.of(RenegotiationInfo.initial())), hello.extensions());
    }

    @Test
    void renegotiationInfoIsTheOnlyExtensionOfAnSsl3ServerHello() throws Exception {
        Extensions offered = Extensions.of(ServerName.ofHostName("localhost"), new ExtendedMasterSecret(),
                new EncryptThenMac(), SessionTicket.empty(), RenegotiationInfo.initial());
        ServerHello hello = ssl3ServerHelloFor(List.of(SUITE.code()), Optional.of(offered));
        assertEquals(Optional.of(Extensions.of(RenegotiationInfo.initial())), hello.extensions());
    }

    @Test
    void withoutTheSignalTheSsl3ServerHelloHasNoExtensions() throws Exception {
        ServerHello hello = ssl3ServerHelloFor(List.of(SUITE.code()),
                Optional.of(new Extensions(List.of(new ExtendedMasterSecret().toExtension(), new Extension(0x1234, new byte[0])))));
        assertEquals(Optional.empty(), hello.extensions());
    }

    @Test
    void ourSsl3ClientSeesSecureRenegotiationAndRenegotiates() throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(ssl3Server().build(), HandshakeServer.BOUND)) {
            Future<SessionInfo> server = listener.accept(socket -> {
                socket.startHandshake();
                socket.renegotiate(); // HelloRequest; the client answers while it reads
                socket.getOutputStream().write(7);
                return socket.session();
            });
            TlsConfig client = Tls12Pki.client().securityLevel(0).versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0).cipherSuites(SUITE).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), client)) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                socket.startHandshake();
                assertEquals(ProtocolVersion.SSL3_0, socket.session().version());
                assertTrue(socket.session().secureRenegotiation(), "the SSL 3.0 ServerHello answered the SCSV");
                assertEquals(7, socket.getInputStream().read());
            }
            SessionInfo session = HandshakeServer.await(server);
            assertTrue(session.secureRenegotiation());
            assertEquals(ProtocolVersion.SSL3_0, session.version());
        }
    }

    @Test
    void anSsl3ServerHelloWithExtendedMasterSecretAndEncryptThenMacIsReadAsWithoutThem() throws Exception {
        // SSL 3.0 has neither (RFC 7627 and RFC 7366 are TLS extensions); OpenSSL ignores them in SSL 3.0.
        // Before, our client took them and failed with an exception that was no alert.
        TlsConfig server = ssl3Server().versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0)
                .handshakeInterceptor(NegotiationAttacks.addToServerHello(new ExtendedMasterSecret(), new EncryptThenMac())).build();
        TlsConfig client = Tls12Pki.client().securityLevel(0).versions(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_2).cipherSuites(SUITE).build();
        try (HandshakeServer listener = HandshakeServer.bind(server, HandshakeServer.BOUND)) {
            Future<SessionInfo> accepted = listener.accept(socket -> {
                socket.getOutputStream().write(5);
                return socket.session();
            });
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), client)) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(5, socket.getInputStream().read());
                assertEquals(ProtocolVersion.SSL3_0, socket.session().version());
                assertEquals(false, socket.session().extendedMasterSecret());
                assertEquals(false, socket.session().encryptThenMac());
            }
            assertEquals(ProtocolVersion.SSL3_0, HandshakeServer.await(accepted).version());
        }
    }

    @Test
    void anSsl3ServerRefusesClientRenegotiationWithAFatalHandshakeFailure() throws Exception {
        // RFC 5746 §4.5: SSL 3.0 has no no_renegotiation alert; a refusal is a fatal handshake_failure.
        // Client renegotiation is off by default on the server.
        try (HandshakeServer listener = HandshakeServer.bind(ssl3Server().build(), HandshakeServer.BOUND)) {
            Future<TlsException> server = listener.accept(socket -> assertThrows(TlsException.class, () -> socket.getInputStream().read()));
            TlsConfig client = Tls12Pki.client().securityLevel(0).versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0).cipherSuites(SUITE).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), client)) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                socket.startHandshake();
                TlsAlertReceivedException refused = assertThrows(TlsAlertReceivedException.class, socket::renegotiate);
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, refused.description());
            }
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, HandshakeServer.await(server).description());
        }
    }

    @Test
    void anSsl3ClientRefusesHelloRequestWithAFatalHandshakeFailure() throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(ssl3Server().build(), HandshakeServer.BOUND)) {
            Future<TlsException> server = listener.accept(socket -> {
                socket.startHandshake();
                return assertThrows(TlsAlertReceivedException.class, socket::renegotiate);
            });
            TlsConfig client = Tls12Pki.client().securityLevel(0).versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0).cipherSuites(SUITE)
                    .allowRenegotiation(false).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), client)) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                socket.startHandshake();
                TlsException refused = assertThrows(TlsException.class, () -> socket.getInputStream().read());
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, refused.description());
            }
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, HandshakeServer.await(server).description());
        }
    }
}
