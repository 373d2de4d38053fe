package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The forked SunJSSE peer really speaks SSL 3.0 here, once the legacy algorithms are re-enabled. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JsseProcessTest {

    private static final Duration WAIT = JsseProcess.WAIT;

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    @Test
    void jsseClientAndServerTalkSsl3WithAes128CbcSha() throws Exception {
        assertSsl3Pair("TLS_RSA_WITH_AES_128_CBC_SHA");
    }

    @Test
    void jsseClientAndServerTalkSsl3WithRc4() throws Exception {
        assertSsl3Pair("SSL_RSA_WITH_RC4_128_SHA");
    }

    private static void assertSsl3Pair(String suite) throws Exception {
        ProcessHandle serverHandle;
        ProcessHandle clientHandle;
        try (JsseProcess server = JsseProcess.server(directory, "SSLv3", suite, pki.serverRsa(), null, "none");
             JsseProcess client = JsseProcess.client(directory, server.port(), "SSLv3", suite,
                     pki.ca().certificate(), null, 256 * 1024)) {
            serverHandle = server.handle();
            clientHandle = client.handle();
            Optional<String[]> handshake = client.awaitHandshake(0, WAIT);
            assertTrue(handshake.isPresent(), client::diagnostics);
            assertArrayEquals(new String[] {"SSLv3", suite}, handshake.get());
            assertTrue(server.awaitHandshake(0, WAIT).isPresent(), server::diagnostics);
            assertTrue(client.awaitLine("ECHO OK 262144\\n", 0, WAIT).isPresent(), client::diagnostics);
            assertEquals(Optional.of(0), client.awaitExit(WAIT), client::diagnostics);
            assertTrue(server.awaitLine("ECHOED 262144\\nCLOSED\\n", 0, WAIT).isPresent(), server::diagnostics);
        }
        assertFalse(serverHandle.isAlive(), "JSSE server still running after close()");
        assertFalse(clientHandle.isAlive(), "JSSE client still running after close()");
    }
}
