package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.alert.TlsException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.session.InMemoryClientSessionStore;
import org.layeredtls.handshake.session.InMemorySessionCache;
import org.layeredtls.handshake.session.TicketProtector;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ProtocolVersion;

/** Our client against our server over loopback: every suite and version, resumption, renegotiation, refusals. */
@Timeout(120)
class LoopbackHandshakeTest {

    private final ExecutorService serverThread = Executors.newCachedThreadPool();
    private TlsServerSocket listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        serverThread.shutdownNow();
    }

    /** Starts a server that accepts {@code connections} clients and echoes what each sends until it closes. */
    private Future<List<SessionInfo>> echoServer(TlsConfig config, int connections) throws IOException {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, config);
        return serverThread.submit(() -> {
            List<SessionInfo> sessions = new java.util.ArrayList<>();
            for (int i = 0; i < connections; i++) {
                try (TlsSocket socket = listener.accept()) {
                    socket.socket().setSoTimeout(30_000);
                    socket.startHandshake();
                    sessions.add(socket.session());
                    echo(socket);
                }
            }
            return sessions;
        });
    }

    private static void echo(TlsSocket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
    }

    private TlsSocket connect(TlsConfig config) throws IOException {
        TlsSocket socket = TlsSocket.connect("localhost", listener.getLocalPort(), config);
        socket.socket().setSoTimeout(30_000);
        return socket;
    }

    private static byte[] exchange(TlsSocket socket, byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        byte[] back = new byte[data.length];
        int read = 0;
        while (read < data.length) {
            int n = socket.getInputStream().read(back, read, data.length - read);
            if (n < 0) {
                throw new IOException("closed after " + read + " bytes");
            }
            read += n;
        }
        return back;
    }

    static Stream<Arguments> suitesAndVersions() {
        Stream.Builder<Arguments> cells = Stream.builder();
        for (CipherSuite suite : CipherSuite.values()) {
            if (suite.isSignalling()) {
                continue;
            }
            for (ProtocolVersion version : List.of(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2)) {
                boolean ssl3Ok = !version.isSsl3() || !suite.keyExchange().isElliptic();
                if (suite.minimumVersion().compareTo(version) <= 0 && ssl3Ok) {
                    cells.add(Arguments.of(version, suite));
                }
            }
        }
        return cells.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndVersions")
    void everySuiteAndVersionCompletesAHandshakeAndCarriesData(ProtocolVersion version, CipherSuite suite) throws Exception {
        // security level 0 on both sides: SSL 3.0, TLS 1.0/1.1 signatures, RC4 and NULL are all below level 1
        Future<List<SessionInfo>> server = echoServer(TestCertificates.server().versions(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_2)
                .cipherSuites(suite).securityLevel(0).build(), 1);
        byte[] data = DeterministicRandomSource.fromLabel("data").nextBytes(70_000);
        try (TlsSocket client = connect(TestCertificates.client().versions(version, version).cipherSuites(suite)
                .securityLevel(0).build())) {
            assertArrayEquals(data, exchange(client, data));
            SessionInfo session = client.session();
            assertEquals(version, session.version());
            assertEquals(suite, session.cipherSuite());
        }
        SessionInfo serverSide = server.get(60, TimeUnit.SECONDS).get(0);
        assertEquals(suite, serverSide.cipherSuite());
    }

    @Test
    void negotiatesExtendedMasterSecretEncryptThenMacAlpnAndDeflate() throws Exception {
        Future<List<SessionInfo>> server = echoServer(TestCertificates.server()
                .cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA).alpn("cwmp", "http/1.1")
                .compression(CompressionMethod.DEFLATE).securityLevel(1).build(), 1);
        // compression is off from security level 2 (OpenSSL): both sides opt into level 1
        try (TlsSocket client = connect(TestCertificates.client().cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA)
                .alpn("http/1.1").compression(CompressionMethod.DEFLATE).maxFragmentLength(512).securityLevel(1).build())) {
            byte[] data = "x".repeat(5000).getBytes();
            assertArrayEquals(data, exchange(client, data));
            SessionInfo session = client.session();
            assertTrue(session.extendedMasterSecret());
            assertTrue(session.encryptThenMac());
            assertEquals("http/1.1", session.applicationProtocol());
            assertEquals(CompressionMethod.DEFLATE, session.compression());
        }
        assertEquals("http/1.1", server.get(60, TimeUnit.SECONDS).get(0).applicationProtocol());
    }

    @Test
    void aNegotiatedMaxFragmentLengthLimitsEveryRecordFromTheServerHelloOn() throws Exception {
        java.util.List<Integer> serverRecordLengths = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        TlsObserver watch = new TlsObserver() {
            @Override
            public void recordWritten(long seq, org.layeredtls.record.TLSPlaintext plaintext,
                                      org.layeredtls.record.TLSCompressed compressed, org.layeredtls.record.TLSCiphertext ciphertext) {
                serverRecordLengths.add(plaintext.length());
            }
        };
        Future<List<SessionInfo>> server = echoServer(TestCertificates.server().observer(watch).build(), 1);
        try (TlsSocket client = connect(TestCertificates.client().maxFragmentLength(512).build())) {
            byte[] data = new byte[3000];
            assertArrayEquals(data, exchange(client, data));
        }
        server.get(60, TimeUnit.SECONDS);
        assertTrue(serverRecordLengths.size() > 6, "the certificate flight and the echo took several records");
        assertTrue(serverRecordLengths.stream().allMatch(length -> length <= 512), serverRecordLengths.toString());
    }

    @Test
    void sha1SignaturesAreUsedOnlyWhenBothSidesNameThem() throws Exception {
        var sha1 = org.layeredtls.crypto.SignatureScheme.RSA_PKCS1_SHA1;
        // SHA-1 signatures exist only at security level 0
        Future<List<SessionInfo>> server = echoServer(TestCertificates.server().signatureSchemes(sha1)
                .cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256).securityLevel(0).build(), 2);
        try (TlsSocket client = connect(TestCertificates.client().signatureSchemes(sha1).securityLevel(0).build())) {
            assertArrayEquals(new byte[] {5}, exchange(client, new byte[] {5}));
        }
        try (TlsSocket client = connect(TestCertificates.client().build())) {
            // The default client offers no SHA-1: the server has nothing to sign with.
            assertEquals(AlertDescription.HANDSHAKE_FAILURE,
                    assertThrows(TlsAlertReceivedException.class, client::startHandshake).description());
        }
        assertThrows(java.util.concurrent.ExecutionException.class, () -> server.get(60, TimeUnit.SECONDS));
    }

    @Test
    void mutualAuthenticationWithRsaAndEcClientCertificates() throws Exception {
        Future<List<SessionInfo>> server = echoServer(TestCertificates.server().clientAuth(ClientAuth.NEED).build(), 2);
        for (var certificate : List.of(TestCertificates.CLIENT_RSA, TestCertificates.CLIENT_EC)) {
            try (TlsSocket client = connect(TestCertificates.withClientCertificate(TestCertificates.client(), certificate).build())) {
                assertArrayEquals(new byte[] {1, 2, 3}, exchange(client, new byte[] {1, 2, 3}));
            }
        }
        List<SessionInfo> sessions = server.get(60, TimeUnit.SECONDS);
        assertEquals("cpe-rsa-0001", sessions.get(0).peerCertificates().get(0).commonName().orElseThrow());
        assertEquals("cpe-ec-0002", sessions.get(1).peerCertificates().get(0).commonName().orElseThrow());
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedWithUnknownCa() throws Exception {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, TestCertificates.server().clientAuth(ClientAuth.NEED).build());
        Future<TlsException> server = serverThread.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                return assertThrows(TlsException.class, socket::startHandshake);
            }
        });
        try (TlsSocket client = connect(TestCertificates.withClientCertificate(TestCertificates.client(),
                TestCertificates.CLIENT_OTHER_CA).build())) {
            TlsAlertReceivedException refused = assertThrows(TlsAlertReceivedException.class,
                    () -> exchange(client, new byte[] {1}));
            assertEquals(AlertDescription.UNKNOWN_CA, refused.description());
        }
        assertEquals(AlertDescription.UNKNOWN_CA, server.get(60, TimeUnit.SECONDS).description());
    }

    @Test
    void aMissingRequiredClientCertificateIsHandshakeFailure() throws Exception {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, TestCertificates.server().clientAuth(ClientAuth.NEED).build());
        Future<TlsException> server = serverThread.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                return assertThrows(TlsException.class, socket::startHandshake);
            }
        });
        try (TlsSocket client = connect(TestCertificates.client().build())) {
            assertEquals(AlertDescription.HANDSHAKE_FAILURE,
                    assertThrows(TlsAlertReceivedException.class, client::startHandshake).description());
        }
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, server.get(60, TimeUnit.SECONDS).description());
    }

    @Test
    void aWrongServerNameIsRefusedWithBadCertificate() throws Exception {
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, TestCertificates.server().build());
        Future<TlsException> server = serverThread.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                return assertThrows(TlsException.class, socket::startHandshake);
            }
        });
        try (TlsSocket client = connect(TestCertificates.client().serverName("acs.example.net").build())) {
            assertEquals(AlertDescription.BAD_CERTIFICATE, assertThrows(TlsException.class, client::startHandshake).description());
        }
        assertEquals(AlertDescription.BAD_CERTIFICATE, server.get(60, TimeUnit.SECONDS).description());
    }

    @Test
    void resumesBySessionIdAndByTicket() throws Exception {
        TlsConfig serverConfig = TestCertificates.server().sessionCache(new InMemorySessionCache(100, java.time.Duration.ofHours(1),
                java.time.Clock.systemUTC())).ticketProtector(TicketProtector.withDefaults()).build();
        Future<List<SessionInfo>> server = echoServer(serverConfig, 4);
        for (boolean tickets : new boolean[] {false, true}) {
            TlsConfig clientConfig = TestCertificates.client().sessionTickets(tickets)
                    .clientSessionStore(new InMemoryClientSessionStore(10)).build();
            SessionInfo first;
            try (TlsSocket client = connect(clientConfig)) {
                exchange(client, new byte[] {1});
                first = client.session();
            }
            try (TlsSocket client = connect(clientConfig)) {
                exchange(client, new byte[] {2});
                SessionInfo second = client.session();
                assertTrue(second.resumed(), "resumed " + (tickets ? "by ticket" : "by session ID"));
                assertFalse(first.resumed());
                assertEquals(first.cipherSuite(), second.cipherSuite());
            }
        }
        List<SessionInfo> sessions = server.get(60, TimeUnit.SECONDS);
        assertTrue(sessions.get(1).resumed());
        assertTrue(sessions.get(3).resumed());
    }

    @Test
    void aResumedConnectionReportsItsMasterSecretForTheKeyLog() throws Exception {
        TlsConfig serverConfig = TestCertificates.server().ticketProtector(TicketProtector.withDefaults()).build();
        Future<List<SessionInfo>> server = echoServer(serverConfig, 2);
        List<String> keyLog = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        TlsObserver keys = new TlsObserver() {
            @Override
            public void masterSecretDerived(byte[] clientRandom, byte[] masterSecret) {
                keyLog.add(java.util.HexFormat.of().formatHex(clientRandom) + " " + java.util.HexFormat.of().formatHex(masterSecret));
            }
        };
        TlsConfig clientConfig = TestCertificates.client().observer(keys).clientSessionStore(new InMemoryClientSessionStore(4)).build();
        for (int i = 0; i < 2; i++) {
            try (TlsSocket client = connect(clientConfig)) {
                exchange(client, new byte[] {1});
                assertEquals(i == 1, client.session().resumed());
            }
        }
        server.get(60, TimeUnit.SECONDS);
        assertEquals(2, keyLog.size(), "one key log line per connection, resumed or not");
        assertFalse(keyLog.get(0).split(" ")[0].equals(keyLog.get(1).split(" ")[0]), "each connection has its own client random");
        assertEquals(keyLog.get(0).split(" ")[1], keyLog.get(1).split(" ")[1], "the resumed connection uses the session's master secret");
    }

    @Test
    void renegotiatesWhenTheClientAsksAndWhenTheServerAsks() throws Exception {
        // Client-initiated renegotiation is refused by default (as OpenSSL 3): this server opts in.
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0,
                TestCertificates.server().clientRenegotiation(true).build());
        Future<Integer> server = serverThread.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.socket().setSoTimeout(30_000);
                InputStream in = socket.getInputStream();
                assertEquals(1, in.read()); // the client renegotiates before sending 2
                assertEquals(2, in.read());
                socket.renegotiate(); // HelloRequest; the client answers while it reads
                socket.getOutputStream().write(3);
                return in.read();
            }
        });
        try (TlsSocket client = connect(TestCertificates.client().build())) {
            client.getOutputStream().write(1);
            client.renegotiate();
            assertTrue(client.session().secureRenegotiation());
            client.getOutputStream().write(2);
            assertEquals(3, client.getInputStream().read());
            client.getOutputStream().write(4);
        }
        assertEquals(4, server.get(60, TimeUnit.SECONDS));
    }

    @Test
    void closeNotifyEndsTheStreamOnBothSides() throws Exception {
        Future<List<SessionInfo>> server = echoServer(TestCertificates.server().build(), 1);
        TlsSocket client = connect(TestCertificates.client().build());
        exchange(client, new byte[] {9});
        client.close();
        assertNotNull(server.get(60, TimeUnit.SECONDS));
    }
}
