package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsServerSocket;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.record.ProtocolVersion;

/**
 * {@code openssl s_client} against our server, every cell of {@link InteropMatrix}: handshake, 1 MiB each way,
 * s_client's close_notify seen as end of stream. One TlsServerSocket per version (RSA and ECDSA certificates).
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class OpenSslClientInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static final Map<ProtocolVersion, TlsServerSocket> SERVERS = new HashMap<>();

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (TlsServerSocket server : SERVERS.values()) {
            server.close();
        }
        SERVERS.clear();
    }

    /** A bounded listener: accept() gives up after the wait instead of hanging the build. */
    static ServerSocket listener() throws Exception {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout((int) Exchange.WAIT.toMillis());
        return listener;
    }

    private static synchronized TlsServerSocket server(ProtocolVersion version) throws Exception {
        TlsServerSocket server = SERVERS.get(version);
        if (server == null) {
            server = new TlsServerSocket(listener(), InteropMatrix.serverConfig(pki, version).build());
            SERVERS.put(version, server);
        }
        return server;
    }

    @TestFactory
    Stream<DynamicNode> sClientAgainstOurServer() {
        List<DynamicNode> versions = new ArrayList<>();
        InteropMatrix.cellsByVersion().forEach((version, cells) -> versions.add(DynamicContainer.dynamicContainer(
                "our server " + version.displayName(), cells.stream().map(cell -> DynamicTest.dynamicTest(
                        cell.name() + ": handshake, 1 MiB each way, close_notify", () -> runCell(cell))))));
        return versions.stream();
    }

    private static void runCell(InteropMatrix.Cell cell) throws Exception {
        TlsServerSocket server = server(cell.version());
        OpenSslClient.Builder builder = OpenSslClient.builder(server.getLocalPort()).version(cell.version().displayName())
                .cipher(cell.suite().openSslName()).caFile(pki.ca().certificate()).verifyReturnError()
                .servername("localhost").directory(directory);
        if (cell.needsSecLevel0()) {
            builder.secLevel0();
        }
        try (OpenSslClient client = builder.start(); TlsSocket socket = server.accept()) {
            Exchange.bound(socket);
            socket.startHandshake();
            SessionInfo session = socket.session();
            assertEquals(cell.version(), session.version());
            assertEquals(cell.suite(), session.cipherSuite());
            assertEquals("localhost", session.serverName());
            org.junit.jupiter.api.Assertions.assertTrue(client.awaitHandshake(Exchange.WAIT), client::diagnostics);
            assertEquals(Optional.of(cell.version().displayName()), client.protocol());
            assertEquals(Optional.of(cell.suite().openSslName()), client.cipher());
            assertEquals(Optional.of(0), client.verifyReturnCode());
            InputStream in = Exchange.bothWays(socket, client, DataTransfer.ONE_MIB);
            client.closeStdin();                          // s_client sends close_notify and exits
            Exchange.assertCloseNotify(in);
            socket.close();
            assertEquals(Optional.of(0), client.awaitExit(Exchange.WAIT), client::diagnostics);
        }
    }
}
