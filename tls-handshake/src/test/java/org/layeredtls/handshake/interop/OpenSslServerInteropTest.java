package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.record.ProtocolVersion;

/**
 * Our client against {@code openssl s_server}, every cell of {@link InteropMatrix}: handshake, 1 MiB each way,
 * close_notify. One s_server per version (RSA and ECDSA certificates) serves all that version's cells.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class OpenSslServerInteropTest {

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static final Map<ProtocolVersion, OpenSslServer> SERVERS = new HashMap<>();

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(OpenSslServer::close);
        SERVERS.clear();
    }

    private static synchronized OpenSslServer server(ProtocolVersion version) throws Exception {
        OpenSslServer server = SERVERS.get(version);
        if (server == null) {
            server = OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key())
                    .dcert(pki.serverEcdsa().certificate(), pki.serverEcdsa().key())
                    .version(version.displayName()).cipher(InteropMatrix.openSslCipherList(version)).secLevel0()
                    .directory(directory).start();
            SERVERS.put(version, server);
        }
        return server;
    }

    @TestFactory
    Stream<DynamicNode> ourClientAgainstSServer() {
        List<DynamicNode> versions = new ArrayList<>();
        InteropMatrix.cellsByVersion().forEach((version, cells) -> versions.add(DynamicContainer.dynamicContainer(
                "s_server " + version.displayName(), cells.stream().map(cell -> DynamicTest.dynamicTest(
                        cell.name() + ": handshake, 1 MiB each way, close_notify", () -> runCell(cell))))));
        return versions.stream();
    }

    private static void runCell(InteropMatrix.Cell cell) throws Exception {
        OpenSslServer server = server(cell.version());
        int mark = server.stdoutSize();
        try (TlsSocket socket = TlsSocket.connect("127.0.0.1", server.port(),
                InteropMatrix.clientConfig(pki, cell).build())) {
            Exchange.bound(socket);
            socket.startHandshake();
            SessionInfo session = socket.session();
            assertEquals(cell.version(), session.version());
            assertEquals(cell.suite(), session.cipherSuite());
            assertEquals(Optional.of(cell.suite().openSslName()), server.awaitHandshake(mark, Exchange.WAIT),
                    server::diagnostics);
            Exchange.bothWays(socket, server, DataTransfer.ONE_MIB);
        }
        // our close() sent close_notify: s_server says DONE (and not "unexpected eof")
        assertTrue(server.awaitCleanClose(mark, Exchange.WAIT), server::diagnostics);
    }
}
