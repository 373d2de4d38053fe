package org.layeredtls.handshake.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * A client on one crypto backend and a server on the other, for every suite under every version
 * (SSL 3.0 included, which no OpenSSL here speaks): the handshake's PRF, SSL 3.0 key derivation and
 * MACs, transcript hashes and Finished, and every record protection (NULL, RC4, 3DES, AES-CBC, GCM,
 * ChaCha20-Poly1305) computed by BouncyCastle on one side must meet the JDK's on the other.
 */
@Timeout(180)
class CrossBackendLoopbackTest {

    private static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_0,
            ProtocolVersion.TLS1_1, ProtocolVersion.TLS1_2);

    private final ExecutorService serverThread = Executors.newSingleThreadExecutor();
    private TlsServerSocket listener;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        serverThread.shutdownNow();
    }

    static Stream<Arguments> cells() {
        Stream.Builder<Arguments> cells = Stream.builder();
        for (CipherSuite suite : CipherSuite.values()) {
            if (suite.isSignalling()) {
                continue;
            }
            for (ProtocolVersion version : VERSIONS) {
                boolean ssl3Ok = !version.isSsl3() || !suite.keyExchange().isElliptic();
                if (suite.minimumVersion().compareTo(version) <= 0 && ssl3Ok) {
                    cells.add(Arguments.of(version, suite, CryptoBackend.JDK, CryptoBackend.BOUNCY_CASTLE));
                    cells.add(Arguments.of(version, suite, CryptoBackend.BOUNCY_CASTLE, CryptoBackend.JDK));
                }
            }
        }
        return cells.build();
    }

    @ParameterizedTest(name = "{0} {1}, client on {2}, server on {3}")
    @MethodSource("cells")
    void aClientOnOneBackendAndAServerOnTheOtherShakeHandsAndCarryData(ProtocolVersion version, CipherSuite suite,
            CryptoBackend clientBackend, CryptoBackend serverBackend) throws Exception {
        // security level 0 on both sides: SSL 3.0, TLS 1.0/1.1 signatures, RC4 and NULL are all below level 1
        listener = TlsServerSocket.bind(InetAddress.getLoopbackAddress(), 0, TestCertificates.server()
                .versions(ProtocolVersion.SSL3_0, ProtocolVersion.TLS1_2).cipherSuites(suite).securityLevel(0)
                .cryptoBackend(serverBackend).build());
        Future<CipherSuite> server = serverThread.submit(() -> {
            try (TlsSocket socket = listener.accept()) {
                socket.socket().setSoTimeout(30_000);
                socket.startHandshake();
                echo(socket);
                return socket.session().cipherSuite();
            }
        });
        byte[] data = DeterministicRandomSource.fromLabel("cross-backend data").nextBytes(40_000);
        try (TlsSocket client = TlsSocket.connect("localhost", listener.getLocalPort(), TestCertificates.client()
                .versions(version, version).cipherSuites(suite).securityLevel(0).cryptoBackend(clientBackend).build())) {
            client.socket().setSoTimeout(30_000);
            assertArrayEquals(data, exchange(client, data));
            assertEquals(version, client.session().version());
            assertEquals(suite, client.session().cipherSuite());
        }
        assertEquals(suite, server.get(60, TimeUnit.SECONDS));
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
}
