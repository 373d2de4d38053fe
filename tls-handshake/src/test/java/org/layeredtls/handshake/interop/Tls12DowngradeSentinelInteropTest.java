package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsException;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.relay.RunningRelay;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.relay.examples.DowngradeClientHello;
import org.layeredtls.handshake.testing.HandshakeServer;
import org.layeredtls.record.ProtocolVersion;

/**
 * The downgrade sentinel of a server that speaks TLS 1.2 at most (RFC 8446 §4.1.3: "TLS 1.2 servers SHOULD
 * also behave as follows"): negotiating TLS 1.1 or below, it ends ServerHello.random with "DOWNGRD" 00, and a
 * client that offered TLS 1.2 or 1.3 and sees it aborts with illegal_parameter. Against OpenSSL 3.0, whose 1.2-capped
 * {@code s_server} writes the same sentinel and whose {@code s_client} checks it; the man in the middle is the
 * relay's {@link DowngradeClientHello} (client_version rewritten to TLS 1.1), the one way an honest 1.2 client
 * and a 1.2 server end up at TLS 1.1. TLS 1.0/1.1 need security level 0 on both ends.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Tls12DowngradeSentinelInteropTest {

    /** RFC 8446 §4.1.3: "44 4F 57 4E 47 52 44 00", as OpenSSL's -msg and the relay's trace print it. */
    private static final Pattern TRACED_SENTINEL = Pattern.compile("random_bytes \\(len=28\\): [0-9A-F]{40}444F574E47524400");

    /** A TLS 1.2 AEAD suite, and a CBC one for TLS 1.0 and 1.1. */
    private static final CipherSuite[] SUITES = {CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA};

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    /** Our server, TLS 1.0 up to {@code max}. */
    private static TlsConfig tls12Server(HandshakeMessagesSeen seen, ProtocolVersion max) throws Exception {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_0, max).securityLevel(0).cipherSuites(SUITES)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey()).observer(seen).build();
    }

    private static TlsConfig.Builder client(ProtocolVersion max) throws Exception {
        return TlsConfig.builder().versions(ProtocolVersion.TLS1_0, max).securityLevel(0).cipherSuites(SUITES)
                .trustAnchors(pki.trustAnchors()).serverName("localhost");
    }

    private static byte[] last8(ServerHello hello) {
        return Arrays.copyOfRange(hello.random(), 24, 32);
    }

    private static boolean endsWithASentinel(ServerHello hello) {
        return Arrays.equals(ServerHello.DOWNGRADE_TLS11, last8(hello)) || Arrays.equals(ServerHello.DOWNGRADE_TLS12, last8(hello));
    }

    @Test
    void ourTls12ServerWritesTheTls11SentinelForAnOpenSslClientOfferingOnlyTls11() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), tls12Server(seen, ProtocolVersion.TLS1_2));
             OpenSslClient client = OpenSslClient.builder(server.getLocalPort()).tls1_1().secLevel0().directory(directory).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            assertEquals(ProtocolVersion.TLS1_1, socket.session().version());
            // s_client offered TLS 1.1 only: it has nothing to check, and finishes
            assertTrue(client.awaitHandshake(Exchange.WAIT), client::diagnostics);
            assertEquals(Optional.of("TLSv1.1"), client.protocol());
        }
        assertArrayEquals(ServerHello.DOWNGRADE_TLS11, last8(seen.sent(ServerHello.class).get(0)));
    }

    @Test
    void anOpenSslClientCatchesOurTls12ServersSentinelWhenARelayDowngradesItsHelloToTls11() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), tls12Server(seen, ProtocolVersion.TLS1_2));
             RunningRelay relay = new RunningRelay(server.getLocalPort(), DowngradeClientHello::new, Optional.empty());
             OpenSslClient client = OpenSslClient.builder(relay.port()).noTls1_3().secLevel0().directory(directory).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            assertThrows(TlsException.class, socket::startHandshake); // s_client's illegal_parameter
            assertFalse(client.awaitHandshake(Exchange.WAIT), client::diagnostics);
            assertTrue(relay.awaitEnd(Exchange.WAIT), relay::trace);
            String trace = relay.trace();
            assertTrue(trace.contains("server_version=0x302 (TLS 1.1)"), trace);
            assertTrue(TRACED_SENTINEL.matcher(trace).find(), "our sentinel on the wire:\n" + trace);
            // RFC 8446 §4.1.3: OpenSSL's client, which offered TLS 1.2, aborts before any Finished
            assertTrue(client.awaitStderr(Pattern.compile("inappropriate fallback"), 0, Exchange.WAIT).isPresent(), client::diagnostics);
            assertTrue(trace.contains("Level=fatal(2), description=illegal_parameter(47)"), trace);
            assertFalse(trace.contains("Finished"), "caught before any Finished:\n" + trace);
        }
    }

    @Test
    void ourTls12ClientRefusesTls11FromATls12OpenSslServerWhenARelayDowngradesOurHello() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .noTls1_3().secLevel0().naccept(1).directory(directory).start();
             RunningRelay relay = new RunningRelay(server.port(), DowngradeClientHello::new, Optional.empty());
             TlsSocket socket = TlsSocket.connect("127.0.0.1", relay.port(), client(ProtocolVersion.TLS1_2).build())) {
            Exchange.bound(socket);
            TlsException refused = assertThrows(TlsException.class, socket::startHandshake);
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, refused.description(), refused::getMessage);
            assertTrue(relay.awaitEnd(Exchange.WAIT), relay::trace);
            String trace = relay.trace();
            // OpenSSL's 1.2-capped server wrote "DOWNGRD" 00 for the TLS 1.1 it negotiated, as ours does
            assertTrue(trace.contains("server_version=0x302 (TLS 1.1)"), trace);
            assertTrue(TRACED_SENTINEL.matcher(trace).find(), "OpenSSL's sentinel on the wire:\n" + trace);
            assertFalse(trace.contains("Finished"), "caught before any Finished:\n" + trace);
        }
    }

    @Test
    void ourTls12ClientTakesTls11FromAnOpenSslServerCappedAtTls11WhichWritesNoSentinel() throws Exception {
        HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                .option("-max_protocol", "TLSv1.1").secLevel0().directory(directory).start();
             TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), client(ProtocolVersion.TLS1_2).observer(seen).build())) {
            Exchange.bound(socket);
            assertEquals(ProtocolVersion.TLS1_1, socket.session().version());
            Exchange.bothWays(socket, server, 4096);
        }
        assertFalse(endsWithASentinel(seen.received(ServerHello.class).get(0)), "OpenSSL speaks TLS 1.1 at most: no sentinel");
    }

    @Test
    void ourServerWritesNoSentinelWhenItNegotiatesItsOwnHighestVersion() throws Exception {
        for (ProtocolVersion max : new ProtocolVersion[] {ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2}) {
            HandshakeMessagesSeen seen = new HandshakeMessagesSeen();
            try (HandshakeServer server = HandshakeServer.bind(tls12Server(seen, max));
                 TlsSocket client = TlsSocket.connect("127.0.0.1", server.port(), client(ProtocolVersion.TLS1_2).build())) {
                Future<HandshakeServer.Outcome> outcome = server.acceptOne();
                Exchange.bound(client);
                client.startHandshake();
                assertEquals(max, client.session().version());
                assertNull(HandshakeServer.failureOf(outcome));
            }
            assertFalse(endsWithASentinel(seen.sent(ServerHello.class).get(0)), max.displayName() + " server");
        }
    }
}
