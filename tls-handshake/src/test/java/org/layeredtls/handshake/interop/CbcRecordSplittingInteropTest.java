package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.testing.WrittenApplicationData;
import org.layeredtls.record.ProtocolVersion;

/**
 * The BEAST countermeasure against OpenSSL, both directions: with TLS 1.0 and AES-CBC our side sends each
 * write as a 1-byte record then the rest, and OpenSSL (which itself sends an empty record first) reassembles
 * the data unchanged; with TLS 1.2, or with the knob off, a write is one record.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CbcRecordSplittingInteropTest {

    private static final int SIZE = 4096;

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static List<Integer> ourClientAgainstSServer(ProtocolVersion version, boolean split) throws Exception {
        WrittenApplicationData written = new WrittenApplicationData();
        OpenSslServer.Builder builder = OpenSslServer.builder().cert(pki.serverRsa().certificate())
                .key(pki.serverRsa().key()).version(version.displayName()).secLevel0().directory(directory);
        try (OpenSslServer server = builder.start()) {
            TlsConfig config = TlsConfig.builder().securityLevel(0).versions(version, version)
                    .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).trustAnchors(pki.trustAnchors())
                    .serverName("localhost").cbcRecordSplitting(split).observer(written).build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(), config)) {
                Exchange.bound(socket);
                socket.startHandshake();
                assertEquals(version, socket.session().version());
                Exchange.bothWays(socket, server, SIZE);
            }
        }
        return written.lengths;
    }

    @Test
    void ourTls10ClientSplitsItsWriteAndSServerReassemblesIt() throws Exception {
        List<Integer> lengths = ourClientAgainstSServer(ProtocolVersion.TLS1_0, true);
        assertEquals(2, lengths.size(), lengths::toString);
        assertEquals(1, lengths.get(0), lengths::toString);
    }

    @Test
    void ourTls10ClientWithTheSplitTurnedOffSendsOneRecord() throws Exception {
        assertEquals(1, ourClientAgainstSServer(ProtocolVersion.TLS1_0, false).size());
    }

    @Test
    void ourTls12ClientNeverSplits() throws Exception {
        assertEquals(1, ourClientAgainstSServer(ProtocolVersion.TLS1_2, true).size());
    }

    @Test
    void sClientTls10AgainstOurServerReceivesTheSplitWriteUnchanged() throws Exception {
        WrittenApplicationData written = new WrittenApplicationData();
        TlsConfig config = TlsConfig.builder().securityLevel(0).versions(ProtocolVersion.TLS1_0, ProtocolVersion.TLS1_0)
                .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)
                .certificate(pki.serverRsa().chain(), pki.serverRsa().privateKey()).observer(written).build();
        try (TlsServerSocket server = new TlsServerSocket(OpenSslClientInteropTest.listener(), config);
             OpenSslClient client = OpenSslClient.builder(server.getLocalPort()).tls1().secLevel0()
                     .caFile(pki.ca().certificate()).servername("localhost").directory(directory).start();
             TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            assertEquals(ProtocolVersion.TLS1_0, socket.session().version());
            assertTrue(client.awaitHandshake(Exchange.WAIT), client::diagnostics);
            assertEquals(Optional.of("TLSv1"), client.protocol());
            InputStream in = Exchange.bothWays(socket, client, SIZE);
            client.closeStdin();
            Exchange.assertCloseNotify(in);
            socket.close();
            assertEquals(Optional.of(0), client.awaitExit(Exchange.WAIT), client::diagnostics);
        }
        assertEquals(2, written.lengths.size(), written.lengths::toString);
        assertEquals(1, written.lengths.get(0), written.lengths::toString);
    }
}
