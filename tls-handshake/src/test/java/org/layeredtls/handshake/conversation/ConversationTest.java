package org.layeredtls.handshake.conversation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.record.ProtocolVersion;

/** The conversation API itself, against our own server and client (the catalogue runs it against OpenSSL). */
class ConversationTest {

    private static TlsConfig server() {
        return CataloguePki.server().cipherSuites(LayeredTlsTarget.SUITES).build();
    }

    @Test
    void theDefaultClientHelloIsAWellFormedTls12HelloWithTheDocumentedExtensions() throws TlsAlertException {
        byte[] body = Messages.clientHello().body(new HandshakeSecrets(new SecureRandomSource()));
        ClientHello hello = ClientHello.decode(body);
        assertEquals(ProtocolVersion.TLS1_2, hello.clientVersion());
        assertEquals(List.of(0xC02F, 0xC013, 0x009C, 0x002F), hello.cipherSuites());
        assertEquals(List.of(0), hello.compressionMethods());
        for (ExtensionType type : List.of(ExtensionType.SUPPORTED_GROUPS, ExtensionType.EC_POINT_FORMATS,
                ExtensionType.SIGNATURE_ALGORITHMS, ExtensionType.EXTENDED_MASTER_SECRET, ExtensionType.RENEGOTIATION_INFO)) {
            assertTrue(hello.extensionsOrEmpty().contains(type), type::rfcName);
        }
    }

    @Test
    void aLengthFieldOverrideIsWrittenAsGivenWhateverFollows() {
        byte[] body = Messages.clientHello().cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).cipherSuitesLength(3)
                .body(new HandshakeSecrets(new SecureRandomSource()));
        int suitesLength = 2 + 32 + 1; // client_version, random, the empty session_id's length byte
        assertArrayEquals(new byte[] {0, 3, 0x00, 0x2F}, java.util.Arrays.copyOfRange(body, suitesLength, suitesLength + 4));
        assertThrows(TlsAlertException.class, () -> ClientHello.decode(body));
    }

    @Test
    void aFullHandshakeGoesPastChangeCipherSpecAndExchangesProtectedApplicationData() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(server(), Duration.ofSeconds(5))) {
            Future<Void> echo = server.accept(ConversationTest::echoOnce);
            ConversationResult result = Scripts.fullHandshake("echo", Scripts.rsaCbcHello())
                    .sendApplicationData("ping".getBytes(StandardCharsets.US_ASCII)).expectApplicationData()
                    .runAsClient("127.0.0.1", server.port());
            HandshakeServer.await(echo);
            WireEvent.ApplicationData data = assertInstanceOf(WireEvent.ApplicationData.class, result.last().orElseThrow());
            assertEquals("ping", new String(data.data(), StandardCharsets.US_ASCII));
            assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, result.secrets().suite().orElseThrow());
        }
    }

    private static Void echoOnce(TlsSocket socket) throws Exception {
        socket.startHandshake();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64];
        int n = in.read(buffer);
        OutputStream out = socket.getOutputStream();
        out.write(buffer, 0, n);
        out.flush();
        return null;
    }

    @Test
    void aFailureSaysWhichStepWhatWasExpectedWhatCameAndShowsTheRecordTrace() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(server(), Duration.ofSeconds(5))) {
            server.acceptOne();
            ConversationFailure failure = assertThrows(ConversationFailure.class, () -> Conversation.named("wrong guess")
                    .send(Messages.clientHello()).expect(HandshakeType.CERTIFICATE).runAsClient("127.0.0.1", server.port()));
            String message = failure.getMessage();
            assertTrue(message.contains("conversation \"wrong guess\", step 2:"), message);
            assertTrue(message.contains("expected: expect certificate"), message);
            assertTrue(message.contains("got:      server_hello"), message);
            assertTrue(message.contains("-> handshake   {3,1}"), message);
            assertTrue(message.contains("<- handshake   {3,3}"), message);
        }
    }

    @Test
    void silenceIsMetWhenNothingComesAndFailsWhenSomethingDoes() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(server(), Duration.ofSeconds(5))) {
            server.acceptOne();
            Conversation.named("quiet server").expectSilence(200).runAsClient("127.0.0.1", server.port());
            server.acceptOne();
            ConversationFailure failure = assertThrows(ConversationFailure.class, () -> Conversation.named("not quiet")
                    .send(Messages.clientHello()).expectSilence(200).runAsClient("127.0.0.1", server.port()));
            assertInstanceOf(WireEvent.Handshake.class, failure.got());
        }
    }

    @Test
    void aHalfCloseDuringTheHandshakeIsSeenByTheServerWhichCloses() throws Exception {
        try (HandshakeServer server = HandshakeServer.bind(server(), Duration.ofSeconds(5))) {
            Future<HandshakeServer.Outcome> outcome = server.acceptOne();
            Scripts.untilServerHelloDone("half-close", Messages.clientHello()).shutdownOutput()
                    .expectCloseAfterAnyAlerts().runAsClient("127.0.0.1", server.port());
            assertTrue(HandshakeServer.failureOf(outcome) != null, "the handshake did not complete");
        }
    }

    @Test
    void asAServerAConversationFacesAClientAndItsAlertEndsTheClientsHandshake() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TlsConfig client = CataloguePki.client().build();
            java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                Future<Exception> handshake = background.submit(() -> {
                    try (TlsSocket socket = TlsSocket.connect("127.0.0.1", listener.getLocalPort(), client)) {
                        socket.startHandshake();
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                });
                Conversation.named("refusing server").expect(HandshakeType.CLIENT_HELLO)
                        .sendAlert(AlertLevel.FATAL, AlertDescription.ACCESS_DENIED).runAsServer(listener);
                Exception ended = HandshakeServer.await(handshake);
                assertTrue(String.valueOf(ended).contains("access_denied"), String.valueOf(ended));
            } finally {
                background.shutdownNow();
            }
        }
    }
}
