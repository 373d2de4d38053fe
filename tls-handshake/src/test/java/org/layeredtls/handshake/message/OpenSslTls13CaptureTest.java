package org.layeredtls.handshake.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.ExtensionMessage;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.PreSharedKey;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.handshake.interop.OpenSslClient;
import org.layeredtls.handshake.interop.OpenSslServer;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.record.ProtocolVersion;

/**
 * Real TLS 1.3 messages: {@code openssl s_client -tls1_3 -msg} against {@code openssl s_server
 * -tls1_3} on 127.0.0.1 prints every handshake message's bytes (in clear, even those that travelled
 * encrypted), and every one decodes and re-encodes byte for byte. The server takes only P-256
 * ({@code -groups P-256}), so the client's x25519 share draws a HelloRetryRequest, and it requires a
 * client certificate, so both Certificate/CertificateVerify pairs and a CertificateRequest appear;
 * the client then asks for a KeyUpdate ({@code K}). A second client resumes with the first one's
 * ticket: a ClientHello with pre_shared_key and its binder, a ServerHello that selects it.
 */
class OpenSslTls13CaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern KEY_UPDATE_TAKEN = Pattern.compile("KEYUPDATE\\r?\\n");
    private static final DecodeContext TLS13 = DecodeContext.of(ProtocolVersion.TLS1_3);

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static OpenSslServer server;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.create(directory);
        server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .caFile(pki.ca().certificate()).requireClientCertificate(1)
                .option("-tls1_3", "-groups", "P-256").start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static OpenSslClient.Builder client() {
        return OpenSslClient.builder(server.port()).option("-tls1_3").msg().caFile(pki.ca().certificate())
                .cert(pki.clientRsa().certificate()).key(pki.clientRsa().key()).servername("localhost");
    }

    /** Decodes each logged message, checks it re-encodes to the same bytes, and returns them in order. */
    private static List<HandshakeMessage> decodeAll(List<OpenSslMsgLog.Logged> logged) throws TlsAlertException {
        List<HandshakeMessage> messages = new ArrayList<>();
        for (OpenSslMsgLog.Logged entry : logged) {
            HandshakeFrame frame = new HandshakeReassembler().add(entry.bytes()).get(0);
            HandshakeMessage message = HandshakeMessages.decode(frame, TLS13);
            assertArrayEquals(entry.bytes(), message.encode(), entry.name() + " re-encodes byte for byte");
            messages.add(message);
        }
        return messages;
    }

    private static List<String> names(List<OpenSslMsgLog.Logged> logged) {
        return logged.stream().map(l -> (l.sent() ? ">>> " : "<<< ") + l.name()).toList();
    }

    @Test
    void everyMessageOfAFullHandshakeWithRetryClientAuthAndKeyUpdateDecodes() throws Exception {
        String log;
        try (OpenSslClient client = client().sessOut(directory.resolve("session.pem")).start()) {
            assertTrue(client.awaitHandshake(WAIT), client.diagnostics());
            int mark = client.stderrSize();
            client.writeStdin("K\n");
            assertTrue(client.awaitStderr(KEY_UPDATE_TAKEN, mark, WAIT).isPresent(), client.diagnostics());
            assertEquals(Optional.of(0), client.finish(WAIT), client.diagnostics());
            log = client.stdout();
        }
        List<OpenSslMsgLog.Logged> logged = OpenSslMsgLog.handshakeMessages(log);
        assertEquals(List.of(">>> ClientHello", "<<< ServerHello", ">>> ClientHello", "<<< ServerHello",
                "<<< EncryptedExtensions", "<<< CertificateRequest", "<<< Certificate", "<<< CertificateVerify",
                "<<< Finished", ">>> Certificate", ">>> CertificateVerify", ">>> Finished"),
                names(logged).subList(0, 12), log);
        assertTrue(names(logged).contains("<<< NewSessionTicket"), log);
        assertTrue(names(logged).contains(">>> KeyUpdate"), log);
        List<HandshakeMessage> messages = decodeAll(logged);

        ClientHello first = (ClientHello) messages.get(0);
        first.extensionsOrEmpty().requireAllowedIn(ExtensionMessage.CLIENT_HELLO);
        assertTrue(first.extensionsOrEmpty().find(ExtensionType.SUPPORTED_VERSIONS, SupportedVersions::decodeClientHello)
                .orElseThrow().offers(ProtocolVersion.TLS1_3));
        assertTrue(first.extensionsOrEmpty().find(ExtensionType.KEY_SHARE, KeyShare::decodeClientHello)
                .orElseThrow().shareFor(NamedGroup.X25519).isPresent());

        ServerHello retry = (ServerHello) messages.get(1);
        assertTrue(retry.isHelloRetryRequest());
        retry.extensionsOrEmpty().requireAllowedIn(ExtensionMessage.HELLO_RETRY_REQUEST);
        assertEquals(new KeyShare.HelloRetryRequest(NamedGroup.SECP256R1),
                retry.extensionsOrEmpty().find(ExtensionType.KEY_SHARE, KeyShare::decodeHelloRetryRequest).orElseThrow());

        ClientHello second = (ClientHello) messages.get(2);
        assertTrue(second.extensionsOrEmpty().find(ExtensionType.KEY_SHARE, KeyShare::decodeClientHello)
                .orElseThrow().shareFor(NamedGroup.SECP256R1).isPresent());
        assertArrayEquals(first.random(), second.random(), "RFC 8446 §4.1.2: the second ClientHello keeps the random");

        ServerHello hello = (ServerHello) messages.get(3);
        assertFalse(hello.isHelloRetryRequest());
        assertEquals(ProtocolVersion.TLS1_3, hello.negotiatedVersion());
        hello.extensionsOrEmpty().requireAllowedIn(ExtensionMessage.SERVER_HELLO);

        assertInstanceOf(EncryptedExtensions.class, messages.get(4)).extensions().requireAllowedIn(ExtensionMessage.ENCRYPTED_EXTENSIONS);
        Tls13CertificateRequest request = assertInstanceOf(Tls13CertificateRequest.class, messages.get(5));
        request.extensions().requireAllowedIn(ExtensionMessage.CERTIFICATE_REQUEST);
        assertTrue(request.extensions().contains(ExtensionType.SIGNATURE_ALGORITHMS));
        Tls13Certificate serverCertificate = assertInstanceOf(Tls13Certificate.class, messages.get(6));
        assertEquals(0, serverCertificate.requestContext().length);
        assertFalse(serverCertificate.isEmpty());
        for (CertificateEntry entry : serverCertificate.certificateList()) {
            entry.extensions().requireAllowedIn(ExtensionMessage.CERTIFICATE);
        }
        assertEquals(48, ((Finished) messages.get(8)).verifyData().length, "TLS_AES_256_GCM_SHA384: SHA-384");
        assertFalse(assertInstanceOf(Tls13Certificate.class, messages.get(9)).isEmpty(), "the client's certificate");
        for (HandshakeMessage message : messages) {
            if (message instanceof Tls13NewSessionTicket ticket) {
                ticket.extensions().requireAllowedIn(ExtensionMessage.NEW_SESSION_TICKET);
            }
        }
        int keyUpdate = names(logged).indexOf(">>> KeyUpdate");
        assertEquals(new KeyUpdate(true), messages.get(keyUpdate));
    }

    @Test
    void resumptionOffersThePskLastAndTheServerSelectsIt() throws Exception {
        Path session = directory.resolve("resumed-session.pem");
        try (OpenSslClient first = client().sessOut(session).start()) {
            // the summary of a new TLS 1.3 session is followed by the ticket's SSL-Session block: the ticket is saved
            assertTrue(first.awaitHandshake(WAIT), first.diagnostics());
            assertEquals(Optional.of(0), first.finish(WAIT), first.diagnostics());
        }
        String log;
        try (OpenSslClient resumed = client().sessIn(session).start()) {
            // s_client reads its input only once the handshake is done: end it at once, and read the whole log at exit
            assertEquals(Optional.of(0), resumed.finish(WAIT), resumed.diagnostics());
            log = resumed.stdout();
            assertEquals(1, resumed.reusedCount(), log);
        }
        List<OpenSslMsgLog.Logged> logged = OpenSslMsgLog.handshakeMessages(log);
        List<HandshakeMessage> messages = decodeAll(logged);
        ClientHello offer = (ClientHello) messages.get(0);
        Extensions offered = offer.extensionsOrEmpty();
        assertEquals(ExtensionType.PRE_SHARED_KEY.code(), offered.list().get(offered.size() - 1).type());
        PreSharedKey.OfferedPsks psks = offered.find(ExtensionType.PRE_SHARED_KEY, PreSharedKey::decodeClientHello).orElseThrow();
        assertEquals(offer.encode().length - psks.bindersLength(), PartialClientHello.bindersOffset(offer));
        assertEquals(48, psks.binders().get(0).length, "the binder of a SHA-384 suite's ticket");

        int serverHello = names(logged).indexOf("<<< ServerHello");
        ServerHello accepted = (ServerHello) messages.get(serverHello);
        if (accepted.isHelloRetryRequest()) {
            accepted = (ServerHello) messages.get(names(logged).indexOf("<<< ServerHello") + 2);
        }
        assertEquals(new PreSharedKey.SelectedIdentity(0),
                accepted.extensionsOrEmpty().find(ExtensionType.PRE_SHARED_KEY, PreSharedKey::decodeServerHello).orElseThrow());
    }
}
