package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.cert.Certificate;
import org.layeredtls.handshake.message.CertificateVerify;
import org.layeredtls.handshake.message.Tls13Certificate;
import org.layeredtls.handshake.message.Tls13CertificateRequest;
import org.layeredtls.handshake.trace.TlsObservers;
import org.layeredtls.record.ProtocolVersion;

/**
 * TLS 1.3 post-handshake client authentication (RFC 8446 §4.6.2) against OpenSSL 3.0 in both directions:
 * {@code openssl s_server -verify 1} and its {@code c} command (a CertificateRequest after the handshake) against
 * our client offering post_handshake_auth, with an RSA, an ECDSA or no client certificate; our server asking
 * {@code openssl s_client -enable_pha} for its certificate, and refusing to ask an s_client without it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class Tls13PostHandshakeAuthInteropTest {

    /** s_server's verify callback, on stderr, once per certificate of a chain it checked. */
    private static final Pattern VERIFIED = Pattern.compile("depth=0 .*\\r?\\nverify return:1");

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static final ExecutorService READER = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @AfterAll
    static void stopReader() {
        READER.shutdownNow();
    }

    private static TestPki.Identity identity(String keyType) {
        return switch (keyType) {
            case "RSA" -> pki.clientRsa();
            case "ECDSA" -> pki.clientEcdsa();
            default -> null;
        };
    }

    private static TlsConfig.Builder tls13() {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_3);
    }

    // ------------------------------------------------------------------ s_server asks our client

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "ECDSA", "none"})
    void sServerAsksOurClientForItsCertificateAfterTheHandshake(String keyType) throws Exception {
        TestPki.Identity identity = identity(keyType);
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        PostHandshakeRequest postHandshake = new PostHandshakeRequest();
        TlsConfig.Builder config = tls13().trustAnchors(pki.trustAnchors()).serverName("localhost").postHandshakeAuth(true)
                .observer(TlsObservers.of(seen, postHandshake));
        if (identity != null) {
            config.certificate(identity.chain(), identity.privateKey());
        }
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .option("-tls1_3").caFile(pki.ca().certificate()).verify(1).verifyReturnError().directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config.build())) {
            Exchange.bound(socket);
            InputStream in = Exchange.bothWays(socket, server, 4096);
            int handshakeRequests = seen.received(Tls13CertificateRequest.class).size(); // -verify asks in the handshake too
            // our reader takes the CertificateRequest and answers it; s_server's data follows once it took the command
            Future<byte[]> read = READER.submit(() -> DataTransfer.readLines(in));
            int verifiedMark = server.stderrSize();
            server.writeStdin("c\n");
            assertTrue(postHandshake.received.await(Exchange.WAIT.toMillis(), TimeUnit.MILLISECONDS), server::diagnostics);
            if (identity != null) { // s_server's verify callback ran on the chain of our answer
                assertTrue(server.awaitStderr(VERIFIED, verifiedMark, Exchange.WAIT).isPresent(), server::diagnostics);
            }
            byte[] data = DataTransfer.randomBytes(4096);
            server.writeStdin(DataTransfer.encodeLines(data));
            assertArrayEquals(data, read.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS));
            Exchange.bothWays(socket, server, 4096); // s_server took the answer: the connection goes on

            Tls13CertificateRequest request = seen.received(Tls13CertificateRequest.class).get(handshakeRequests);
            assertTrue(request.requestContext().length > 0, "RFC 8446 §4.3.2: a post-handshake request has a context");
            List<Tls13Certificate> certificates = seen.sent(Tls13Certificate.class);
            Tls13Certificate answer = certificates.get(certificates.size() - 1);
            assertArrayEquals(request.requestContext(), answer.requestContext());
            assertEquals(identity == null ? 0 : 1, answer.certificateList().size());
            assertEquals(identity == null ? 0 : 2, seen.sent(CertificateVerify.class).size(), "the handshake's and the answer's");
        }
    }

    /** Counts down when a CertificateRequest with a context (one after the handshake, RFC 8446 §4.3.2) arrives. */
    private static final class PostHandshakeRequest implements org.layeredtls.handshake.api.TlsObserver {
        final CountDownLatch received = new CountDownLatch(1);

        @Override
        public void handshakeMessageReceived(org.layeredtls.handshake.message.HandshakeMessage message, byte[] bytes) {
            if (message instanceof Tls13CertificateRequest request && request.requestContext().length > 0) {
                received.countDown();
            }
        }
    }

    // ------------------------------------------------------------------ our server asks s_client

    /** Counts down when post-handshake authentication completes on our server, and keeps the chain. */
    private static final class Authenticated implements org.layeredtls.handshake.api.TlsObserver {
        final CountDownLatch done = new CountDownLatch(1);
        volatile List<Certificate> chain;

        @Override
        public void clientAuthenticatedAfterHandshake(List<Certificate> clientCertificates) {
            chain = clientCertificates;
            done.countDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "ECDSA"})
    void ourServerAsksSClientWithEnablePhaForItsCertificate(String keyType) throws Exception {
        TestPki.Identity identity = identity(keyType);
        Authenticated authenticated = new Authenticated();
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        TlsConfig config = tls13().certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey())
                .trustAnchors(pki.trustAnchors()).clientAuth(ClientAuth.NONE)
                .observer(TlsObservers.of(authenticated, seen)).build();
        try (TlsServerSocket listener = new TlsServerSocket(OpenSslClientInteropTest.listener(), config);
             OpenSslClient client = sClient(listener).option("-enable_pha").cert(identity.certificate()).key(identity.key()).start();
             TlsSocket socket = listener.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            InputStream in = new BufferedInputStream(Exchange.bothWays(socket, client, 4096));
            assertTrue(socket.session().peerCertificates().isEmpty(), "no certificate asked for in the handshake");

            Future<byte[]> read = READER.submit(() -> DataTransfer.readLines(in)); // it takes s_client's answer
            socket.requestClientCertificate();
            assertTrue(authenticated.done.await(Exchange.WAIT.toMillis(), TimeUnit.MILLISECONDS), client::diagnostics);
            byte[] data = DataTransfer.randomBytes(4096);
            client.writeStdin(DataTransfer.encodeLines(data));
            assertArrayEquals(data, read.get(Exchange.WAIT.toSeconds(), TimeUnit.SECONDS));

            assertEquals(identity.chain().get(0), authenticated.chain.get(0));
            assertEquals(identity.chain().get(0), socket.session().peerCertificates().get(0));
            assertEquals(1, seen.received(CertificateVerify.class).size(), "s_client signed its answer");
            Exchange.bothWays(socket, client, 4096);
        }
    }

    @Test
    void ourServerRefusesToAskAnSClientWithoutEnablePha() throws Exception {
        TestPki.Identity identity = pki.clientEcdsa();
        TlsConfig config = tls13().certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey())
                .trustAnchors(pki.trustAnchors()).build();
        try (TlsServerSocket listener = new TlsServerSocket(OpenSslClientInteropTest.listener(), config);
             OpenSslClient client = sClient(listener).cert(identity.certificate()).key(identity.key()).start();
             TlsSocket socket = listener.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            Exchange.bothWays(socket, client, 4096);
            // RFC 8446 §4.6.2: "Servers MUST NOT send a post-handshake CertificateRequest to clients which do not offer this extension"
            assertThrows(IllegalStateException.class, socket::requestClientCertificate);
            Exchange.bothWays(socket, client, 4096); // nothing was sent: the connection goes on
        }
    }

    private static OpenSslClient.Builder sClient(TlsServerSocket server) {
        return OpenSslClient.builder(server.getLocalPort()).option("-tls1_3").caFile(pki.ca().certificate())
                .verifyReturnError().servername("localhost").directory(directory);
    }
}
