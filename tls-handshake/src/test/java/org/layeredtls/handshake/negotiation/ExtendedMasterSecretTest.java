package org.layeredtls.handshake.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtendedMasterSecret;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.research.Pki;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.session.ClientSession;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.handshake.testing.Reply;

/**
 * The extended master secret rules of RFC 7627 §5.1–5.3 on both sides ("abort the handshake" is a
 * fatal handshake_failure, §5.2), and across renegotiation as OpenSSL enforces them. OpenSSL is the
 * reference where it can be driven: s_server for the server's answers, s_client for the client's.
 */
@Timeout(120)
class ExtendedMasterSecretTest {

    private static TlsConfig.Builder serverWithCache() {
        return Tls12Pki.server().sessionCache(new InMemorySessionCache(16, Duration.ofHours(1)));
    }

    /** A full handshake of our client (no tickets, so the server's session ID names the session); returns its session. */
    private static SessionInfo fullHandshake(int port, TlsConfig.Builder client) throws Exception {
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", port, client.sessionTickets(false).build())) {
            socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
            socket.startHandshake();
            return socket.session();
        }
    }

    private static byte[] resumption(SessionInfo session, Object... extensions) {
        return RawTls.handshake(RawTls.clientHello(ProtocolVersion.TLS1_2, session.sessionId(),
                List.of(session.cipherSuite().code()), extensions));
    }

    // ------------------------------------------------------------------ the server

    @Test
    void resumingAnEmsSessionWithoutTheExtensionIsHandshakeFailureAsFromOpenSsl() throws Exception {
        try (OpenSslProcess openssl = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString())) {
            SessionInfo session = fullHandshake(openssl.port(), Tls12Pki.client());
            assertTrue(session.extendedMasterSecret());
            assertEquals(Optional.of(AlertDescription.HANDSHAKE_FAILURE), RawTls.exchange(openssl.port(), resumption(session)).alertDescription());
        }
        try (HandshakeServer server = HandshakeServer.bind(serverWithCache().build(), HandshakeServer.BOUND)) {
            server.acceptOne();
            SessionInfo session = fullHandshake(server.port(), Tls12Pki.client());
            assertTrue(session.extendedMasterSecret());
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            assertEquals(Optional.of(AlertDescription.HANDSHAKE_FAILURE), RawTls.exchange(server.port(), resumption(session)).alertDescription());
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, HandshakeServer.await(outcome).alert().description());
        }
    }

    @Test
    void resumingAnEmsSessionWithTheExtensionResumesIt() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(serverWithCache().build(), HandshakeServer.BOUND)) {
            server.acceptOne();
            SessionInfo session = fullHandshake(server.port(), Tls12Pki.client());
            server.acceptOne();
            Reply answer = RawTls.exchange(server.port(), resumption(session, new ExtendedMasterSecret()));
            assertArrayEqualsOrFail(session.sessionId(), answer.serverHello().orElseThrow().sessionId());
            assertFalse(answer.sent(HandshakeType.CERTIFICATE), answer::toString);
        }
    }

    @Test
    void aSessionWithoutEmsOfferedWithTheExtensionGetsAFullHandshake() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(serverWithCache().build(), HandshakeServer.BOUND)) {
            server.acceptOne();
            SessionInfo session = fullHandshake(server.port(), Tls12Pki.client().extendedMasterSecret(false));
            assertFalse(session.extendedMasterSecret());
            server.acceptOne();
            Reply answer = RawTls.exchange(server.port(), resumption(session, new ExtendedMasterSecret()));
            ServerHello hello = answer.serverHello().orElseThrow();
            assertFalse(Arrays.equals(session.sessionId(), hello.sessionId()), "a new session, not the offered one");
            assertTrue(hello.extensionsOrEmpty().contains(ExtensionType.EXTENDED_MASTER_SECRET));
            assertTrue(answer.sent(HandshakeType.CERTIFICATE), answer::toString);
        }
    }

    @Test
    void aNonEmptyExtendedMasterSecretIsDecodeErrorAsFromOpenSsl() throws Exception {
        byte[] hello = RawTls.handshake(RawTls.clientHello(new Extension(ExtensionType.EXTENDED_MASTER_SECRET.code(), new byte[] {0})));
        try (OpenSslProcess openssl = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString())) {
            assertEquals(Optional.of(AlertDescription.DECODE_ERROR), RawTls.exchange(openssl.port(), hello).alertDescription());
        }
        try (HandshakeServer server = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            assertEquals(Optional.of(AlertDescription.DECODE_ERROR), RawTls.exchange(server.port(), hello).alertDescription());
            assertEquals(AlertDescription.DECODE_ERROR, HandshakeServer.await(outcome).alert().description());
        }
    }

    // ------------------------------------------------------------------ the client

    /** Our client, holding a stored session for the scripted server, against the scripted server's answer. */
    private static void clientRefuses(TlsConfig.Builder sessionServer, boolean sessionWithEms, ExtensionData... answerExtensions)
            throws Exception {
        InMemoryClientSessionStore store = new InMemoryClientSessionStore(4);
        TlsConfig client = Tls12Pki.client().sessionTickets(false).clientSessionStore(store).build();
        ClientSession stored;
        try (HandshakeServer server = HandshakeServer.bind(sessionServer.build(), HandshakeServer.BOUND)) {
            server.acceptOne();
            SessionInfo session = fullHandshake(server.port(), client.toBuilder());
            assertEquals(sessionWithEms, session.extendedMasterSecret());
            stored = store.get("localhost:" + server.port()).orElseThrow();
        }
        try (ScriptedServer scripted = new ScriptedServer(hello -> RawTls.handshake(ProtocolVersion.TLS1_2, new ServerHello(
                ProtocolVersion.TLS1_2, new byte[32], hello.sessionId(), stored.state().cipherSuite().code(), 0,
                Optional.of(Extensions.of(answerExtensions)))))) {
            store.put("localhost:" + scripted.port(), stored);
            try (TlsSocket socket = TlsSocket.connect("localhost", scripted.port(), client)) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                TlsException refused = assertThrows(TlsException.class, socket::startHandshake);
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, refused.description(), refused.getMessage());
            }
            assertEquals(Optional.of(AlertDescription.HANDSHAKE_FAILURE), scripted.alertFromClient());
        }
    }

    @Test
    void aServerHelloResumingAnEmsSessionWithoutTheExtensionIsHandshakeFailure() throws Exception {
        clientRefuses(serverWithCache(), true, RenegotiationInfo.initial());
    }

    @Test
    void aServerHelloResumingASessionWithoutEmsWithTheExtensionIsHandshakeFailure() throws Exception {
        clientRefuses(serverWithCache().extendedMasterSecret(false), false, RenegotiationInfo.initial(), new ExtendedMasterSecret());
    }

    @Test
    void aNonEmptyExtendedMasterSecretInTheServerHelloIsDecodeError() throws Exception {
        try (ScriptedServer scripted = new ScriptedServer(hello -> RawTls.handshake(ProtocolVersion.TLS1_2, new ServerHello(
                ProtocolVersion.TLS1_2, new byte[32], new byte[0], RawTls.ECDHE_RSA_AES128_GCM, 0,
                Optional.of(new Extensions(List.of(new Extension(ExtensionType.EXTENDED_MASTER_SECRET.code(), new byte[] {0})))))))) {
            try (TlsSocket socket = TlsSocket.connect("localhost", scripted.port(), Tls12Pki.client().build())) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(AlertDescription.DECODE_ERROR, assertThrows(TlsException.class, socket::startHandshake).description());
            }
            assertEquals(Optional.of(AlertDescription.DECODE_ERROR), scripted.alertFromClient());
        }
    }

    // ------------------------------------------------------------------ renegotiation

    /** A client whose renegotiation ClientHello drops extended_master_secret (the interceptor counts per connection). */
    private static TlsConfig droppingClient() {
        return Tls12Pki.client().handshakeInterceptor(
                NegotiationAttacks.dropExtendedMasterSecretFromSecond(HandshakeType.CLIENT_HELLO)).build();
    }

    /** A server whose renegotiation ServerHello drops extended_master_secret (the interceptor counts per connection). */
    private static TlsConfig droppingServer() {
        return Tls12Pki.server().handshakeInterceptor(
                NegotiationAttacks.dropExtendedMasterSecretFromSecond(HandshakeType.SERVER_HELLO)).build();
    }

    @Test
    void aRenegotiationClientHelloWithoutEmsIsHandshakeFailureFromUsAndFromOpenSsl() throws Exception {
        try (OpenSslProcess openssl = OpenSslProcess.server("-cert", Pki.serverPem().toString(), "-key", Pki.serverKey().toString(),
                "-client_renegotiation");
             TlsSocket socket = TlsSocket.connect("127.0.0.1", openssl.port(), droppingClient())) {
            socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
            socket.startHandshake();
            assertTrue(socket.session().extendedMasterSecret());
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, assertThrows(TlsException.class, socket::renegotiate).description());
        }
        // Ours, renegotiation started by the server (HelloRequest), answered by the client while it reads.
        try (HandshakeServer listener = HandshakeServer.bind(Tls12Pki.server().build(), HandshakeServer.BOUND)) {
            Future<AlertDescription> server = renegotiatingServer(listener);
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), droppingClient())) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(AlertDescription.HANDSHAKE_FAILURE,
                        assertThrows(TlsException.class, () -> socket.getInputStream().read()).description());
            }
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, HandshakeServer.await(server));
        }
    }

    /** Our server accepts one connection and starts a renegotiation (HelloRequest); returns the alert it fails with. */
    private static Future<AlertDescription> renegotiatingServer(HandshakeServer listener) {
        return listener.accept(socket -> {
            socket.startHandshake();
            return assertThrows(TlsException.class, socket::renegotiate,
                    () -> "renegotiation refused: " + socket.renegotiationRefused()).description();
        });
    }

    @Test
    void aRenegotiationServerHelloWithoutEmsIsHandshakeFailureFromOpenSsl() throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(droppingServer(), HandshakeServer.BOUND)) {
            // openssl s_client answers our HelloRequest while it reads, and refuses the ServerHello.
            Future<AlertDescription> server = renegotiatingServer(listener);
            try (OpenSslProcess client = OpenSslProcess.client(listener.port(), "-tls1_2",
                    "-CAfile", Pki.caPem().toString())) {
                assertEquals(AlertDescription.HANDSHAKE_FAILURE, HandshakeServer.await(server),
                        client::output);
            }
        }
    }

    @Test
    void aRenegotiationServerHelloWithoutEmsIsHandshakeFailureFromOurClient() throws Exception {
        try (HandshakeServer listener = HandshakeServer.bind(droppingServer(), HandshakeServer.BOUND)) {
            Future<AlertDescription> server = renegotiatingServer(listener);
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.port(), Tls12Pki.client().build())) {
                socket.socket().setSoTimeout(RawTls.TIMEOUT_MILLIS);
                assertEquals(AlertDescription.HANDSHAKE_FAILURE,
                        assertThrows(TlsException.class, () -> socket.getInputStream().read()).description());
            }
            assertEquals(AlertDescription.HANDSHAKE_FAILURE, HandshakeServer.await(server));
        }
    }

    private static void assertArrayEqualsOrFail(byte[] expected, byte[] actual) {
        assertTrue(Arrays.equals(expected, actual), "the offered session is resumed");
    }
}
