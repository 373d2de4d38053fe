package org.layeredtls.handshake.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.testing.Tls12Pki;
import org.layeredtls.handshake.message.Certificate;
import org.layeredtls.handshake.message.V2ClientHello;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.HandshakeServer;

/**
 * An SSLv2-compatible ClientHello (RFC 5246 Appendix E.2) sent over a raw socket to our TlsServerSocket:
 * the handshake it opens completes, the Finished messages verify both ways (so the server hashed the
 * V2 message bytes without their 2-byte header), it never resumes, and malformed ones get the alerts
 * OpenSSL sends ({@link V2ClientHelloOpenSslTest} checks them against {@code openssl s_server}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class V2ClientHelloServerTest {

    static final int AES_128_CBC_SHA = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.code();
    static final int RENEGOTIATION_SCSV = 0x00FF;
    static final int SSL_CK_RC4_128_WITH_MD5 = 0x010080;
    static final byte[] CHALLENGE_16 = V2Hellos.bytes(0x40, 16);

    private static final long WAIT_SECONDS = 30;

    static TlsConfig.Builder serverConfig() {
        return Tls12Pki.server().securityLevel(0).versions(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_2)
                .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA);
    }

    /** Our server on an ephemeral port; each connection it accepts reads with a {@code WAIT_SECONDS} timeout. */
    static HandshakeServer ourServer(TlsConfig config) throws IOException {
        return HandshakeServer.bind(config, Duration.ofSeconds(WAIT_SECONDS));
    }

    /** Our server's side of one connection: the handshake, then it echoes {@code echo} bytes. */
    static Future<SessionInfo> serve(HandshakeServer server, int echo) {
        return server.accept(socket -> {
            socket.startHandshake();
            if (echo > 0) {
                byte[] data = socket.getInputStream().readNBytes(echo);
                socket.getOutputStream().write(data);
                socket.getOutputStream().flush();
            }
            return socket.session();
        });
    }

    @Test
    void aV2HelloOfferingTls12SuitesOpensAFullHandshakeWhoseFinishedMessagesVerifyBothWays() throws Exception {
        V2ClientHello hello = new V2ClientHello(ProtocolVersion.TLS1_2,
                List.of(SSL_CK_RC4_128_WITH_MD5, AES_128_CBC_SHA, RENEGOTIATION_SCSV), new byte[0], CHALLENGE_16);
        byte[] ping = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (HandshakeServer server = ourServer(serverConfig().build())) {
            Future<SessionInfo> serverSide = serve(server, ping.length);
            try (V2HelloClient client = new V2HelloClient(server.port())) {
                V2HelloClient.Outcome outcome = client.handshake(hello, false);
                assertEquals(Optional.empty(), outcome.alert());
                assertEquals(ProtocolVersion.TLS1_2, outcome.serverHello().serverVersion());
                assertEquals(AES_128_CBC_SHA, outcome.serverHello().cipherSuite());
                assertTrue(outcome.serverFinishedVerified(), "the server's Finished verifies over the V2 message bytes");
                client.write(ping);
                assertArrayEquals(ping, client.read(ping.length), "application data flows both ways");
            }
            SessionInfo session = serverSide.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(ProtocolVersion.TLS1_2, session.version());
            assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, session.cipherSuite());
            assertTrue(session.secureRenegotiation(), "the SCSV among the cipher specs turns on RFC 5746");
            assertFalse(session.extendedMasterSecret(), "a V2 hello carries no extensions");
        }
    }

    @Test
    void aTls10V2HelloWithA32ByteChallengeNegotiatesTls10() throws Exception {
        V2ClientHello hello = new V2ClientHello(ProtocolVersion.TLS1_0, List.of(AES_128_CBC_SHA), new byte[0],
                V2Hellos.bytes(0x80, 32));
        try (HandshakeServer server = ourServer(serverConfig().build())) {
            Future<SessionInfo> serverSide = serve(server, 3);
            try (V2HelloClient client = new V2HelloClient(server.port())) {
                V2HelloClient.Outcome outcome = client.handshake(hello, false);
                assertEquals(ProtocolVersion.TLS1_0, outcome.serverHello().serverVersion());
                assertTrue(outcome.serverFinishedVerified());
                client.write(new byte[] {1, 2, 3});
                assertArrayEquals(new byte[] {1, 2, 3}, client.read(3));
            }
            assertEquals(ProtocolVersion.TLS1_0, serverSide.get(WAIT_SECONDS, TimeUnit.SECONDS).version());
        }
    }

    @Test
    void theServerHashesTheV2MessageWithoutItsTwoByteHeader() throws Exception {
        V2ClientHello hello = new V2ClientHello(ProtocolVersion.TLS1_2, List.of(AES_128_CBC_SHA), new byte[0], CHALLENGE_16);
        try (HandshakeServer server = ourServer(serverConfig().build())) {
            Future<SessionInfo> serverSide = serve(server, 0);
            try (V2HelloClient client = new V2HelloClient(server.port())) {
                V2HelloClient.Outcome outcome = client.handshake(hello, true); // our transcript includes the header
                assertFalse(outcome.serverFinishedVerified());
                assertEquals(Optional.of(AlertDescription.DECRYPT_ERROR), outcome.alert(),
                        "the server cannot verify a Finished over a transcript that includes the header");
            }
            assertEquals(AlertDescription.DECRYPT_ERROR, serverAlert(serverSide));
        }
    }

    @Test
    void aV2HelloNeverResumesEvenWithTheIdOfACachedSession() throws Exception {
        TlsConfig config = serverConfig().sessionCache(new InMemorySessionCache(16, Duration.ofMinutes(5)))
                .sessionTickets(false).build();
        try (HandshakeServer server = ourServer(config)) {
            Future<SessionInfo> first = serve(server, 0);
            TlsConfig clientConfig = Tls12Pki.client().versions(ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_2)
                    .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).sessionTickets(false).build();
            byte[] cachedId;
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), clientConfig)) {
                socket.startHandshake();
                cachedId = socket.session().sessionId();
            }
            assertEquals(32, first.get(WAIT_SECONDS, TimeUnit.SECONDS).sessionId().length, "a session to offer");

            Future<SessionInfo> second = serve(server, 0);
            V2ClientHello hello = new V2ClientHello(ProtocolVersion.TLS1_2, List.of(AES_128_CBC_SHA), cachedId, CHALLENGE_16);
            try (V2HelloClient client = new V2HelloClient(server.port())) {
                V2HelloClient.Outcome outcome = client.handshake(hello, false);
                // RFC 5246 Appendix E.2: "Requests to resume a TLS session MUST use a TLS client hello."
                assertNotEquals(List.of(), outcome.serverFlight().stream().filter(m -> m instanceof Certificate).toList(),
                        "a full handshake: the server sends its certificate");
                assertFalse(java.util.Arrays.equals(cachedId, outcome.serverHello().sessionId()));
                assertTrue(outcome.serverFinishedVerified());
            }
            assertFalse(second.get(WAIT_SECONDS, TimeUnit.SECONDS).resumed());
        }
    }

    /** The alert our server sends for one raw first record, and the one its accept side raised. */
    static AlertDescription alertFromOurServer(TlsConfig config, byte[] firstRecord) throws Exception {
        try (HandshakeServer server = ourServer(config)) {
            Future<SessionInfo> serverSide = serve(server, 0);
            Optional<AlertDescription> sent;
            try (V2HelloClient client = new V2HelloClient(server.port())) {
                client.sendRaw(firstRecord);
                sent = client.awaitAlert();
            }
            AlertDescription raised = serverAlert(serverSide);
            assertEquals(Optional.of(raised), sent, "the alert on the wire is the one the server raised");
            return raised;
        }
    }

    private static AlertDescription serverAlert(Future<SessionInfo> serverSide) throws Exception {
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> serverSide.get(WAIT_SECONDS, TimeUnit.SECONDS));
        Throwable cause = failure.getCause();
        return assertInstanceOf(TlsAlertException.class, cause, () -> String.valueOf(cause)).description();
    }

    @Test
    void malformedV2HellosGetTheAlertsOpenSslSends() throws Exception {
        TlsConfig config = serverConfig().build();
        for (V2Hellos.Case malformed : V2Hellos.malformed()) {
            assertEquals(malformed.openSslAlert(), alertFromOurServer(config, malformed.bytes()), malformed.name());
        }
    }

    @Test
    void aChallengeOutside16To32BytesIsIllegalParameter() throws Exception {
        TlsConfig config = serverConfig().build();
        for (int length : new int[] {0, 15, 33}) {
            byte[] record = V2Hellos.raw(0x0303, V2Hellos.specs(AES_128_CBC_SHA), new byte[0], new byte[length]);
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, alertFromOurServer(config, record), "challenge of " + length);
        }
    }

    @Test
    void withTheKnobOffAV2HelloIsAnUnknownContentType() throws Exception {
        byte[] record = new V2ClientHello(ProtocolVersion.TLS1_2, List.of(AES_128_CBC_SHA), new byte[0], CHALLENGE_16)
                .encodeRecord();
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE,
                alertFromOurServer(serverConfig().acceptSslv2ClientHello(false).build(), record));
    }

    @Test
    void onlyTheFirstRecordMayBeAV2Hello() throws Exception {
        byte[] v2 = new V2ClientHello(ProtocolVersion.TLS1_2, List.of(AES_128_CBC_SHA), new byte[0], CHALLENGE_16)
                .encodeRecord();
        byte[] firstByteOfAClientHello = {22, 3, 1, 0, 1, 1};
        byte[] both = new byte[firstByteOfAClientHello.length + v2.length];
        System.arraycopy(firstByteOfAClientHello, 0, both, 0, firstByteOfAClientHello.length);
        System.arraycopy(v2, 0, both, firstByteOfAClientHello.length, v2.length);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alertFromOurServer(serverConfig().build(), both));
    }
}
