package org.layeredtls.handshake.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.interop.OpenSslClient;
import org.layeredtls.handshake.interop.OpenSslServer;
import org.layeredtls.handshake.interop.TestPki;
import org.layeredtls.handshake.relay.examples.DowngradeClientHello;
import org.layeredtls.handshake.relay.examples.StripRenegotiationInfo;
import org.layeredtls.handshake.relay.examples.TruncateBeforeCloseNotify;

/**
 * {@code openssl s_client} → relay → {@code openssl s_server} on 127.0.0.1: the trace of every
 * record, decryption with the client's key log, and what OpenSSL 3.0 does with each example
 * interceptor's tampering.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RelayOpenSslTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MESSAGE = "hello through the relay\n";

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    private static OpenSslServer.Builder sServer() {
        return OpenSslServer.builder().cert(pki.serverRsa().certificate()).key(pki.serverRsa().key()).noTls1_3()
                .naccept(1).directory(directory);
    }

    private static Supplier<RelayInterceptor> none() {
        return () -> new RelayInterceptor() {
        };
    }

    /** The client sends MESSAGE, then ends its input: s_client sends close_notify and exits. */
    private static void talk(OpenSslClient client, OpenSslServer server) throws Exception {
        assertTrue(client.awaitHandshake(WAIT), client.diagnostics());
        client.writeStdin(MESSAGE);
        assertTrue(server.awaitStdout(Pattern.compile(Pattern.quote(MESSAGE.trim())), 0, WAIT).isPresent(),
                server.diagnostics());
        assertEquals(Optional.of(0), client.finish(WAIT), client.diagnostics());
    }

    @Test
    void tracesEveryRecordBothWaysAndOpensFinishedAndApplicationDataWithTheClientsKeyLog() throws Exception {
        Path keyLog = directory.resolve("trace-keys.txt");
        try (OpenSslServer server = sServer().start();
             RunningRelay relay = new RunningRelay(server.port(), none(), Optional.of(keyLog));
             OpenSslClient client = OpenSslClient.builder(relay.port()).option("-keylogfile", keyLog.toString())
                     .directory(directory).start()) {
            talk(client, server);
            assertTrue(server.awaitCleanClose(0, WAIT), server.diagnostics());
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            String trace = relay.trace();
            for (String message : new String[] {"ClientHello", "ServerHello", "Certificate", "ServerKeyExchange",
                    "ServerHelloDone", "ClientKeyExchange"}) {
                assertTrue(trace.contains("    " + message + ", Length="), message + " in\n" + trace);
            }
            assertEquals(2, count(trace, "change_cipher_spec (1)"), trace);
            assertEquals(2, count(trace, "    Finished, Length=12"), "both Finished opened:\n" + trace);
            assertTrue(trace.contains("application_data (len=" + MESSAGE.length() + "): "
                    + HexFormat.of().withUpperCase().formatHex(MESSAGE.getBytes(StandardCharsets.US_ASCII))), trace);
            assertEquals(2, count(trace, "Level=warning(1), description=close_notify(0)"), trace);
            assertTrue(trace.contains("client -> server Record") && trace.contains("server -> client Record"), trace);
            assertFalse(trace.contains("not opened"), trace);
        }
    }

    @Test
    void aKeyLogWrittenByTheServerOpensTheRecordsToo() throws Exception {
        Path keyLog = directory.resolve("server-keys.txt");
        try (OpenSslServer server = sServer().keylogFile(keyLog).start();
             RunningRelay relay = new RunningRelay(server.port(), none(), Optional.of(keyLog));
             OpenSslClient client = OpenSslClient.builder(relay.port()).directory(directory).start()) {
            talk(client, server);
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            String trace = relay.trace();
            assertEquals(2, count(trace, "    Finished, Length=12"), trace);
            assertTrue(trace.contains("application_data (len=" + MESSAGE.length() + ")"), trace);
            assertFalse(trace.contains("not opened"), trace);
        }
    }

    @Test
    void aTls13ConnectionIsForwardedAndTracedButNotOpened() throws Exception {
        Path keyLog = directory.resolve("tls13-keys.txt");
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate())
                .key(pki.serverRsa().key()).naccept(1).directory(directory).start();
             RunningRelay relay = new RunningRelay(server.port(), none(), Optional.of(keyLog));
             OpenSslClient client = OpenSslClient.builder(relay.port()).option("-keylogfile", keyLog.toString())
                     .directory(directory).start()) {
            assertTrue(client.awaitStdout(Pattern.compile("New, TLSv1\\.3"), 0, WAIT).isPresent(), client.diagnostics());
            assertEquals(Optional.of(0), client.finish(WAIT), client.diagnostics());
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            String trace = relay.trace();
            assertTrue(trace.contains("    ServerHello, Length="), trace);
            assertTrue(trace.contains("not opened (suite 0x130"), trace);
            assertFalse(trace.contains("Finished"), trace);
        }
    }

    @Test
    void withoutAKeyLogTheProtectedRecordsAreTracedButNotOpened() throws Exception {
        try (OpenSslServer server = sServer().start();
             RunningRelay relay = new RunningRelay(server.port(), none(), Optional.empty());
             OpenSslClient client = OpenSslClient.builder(relay.port()).directory(directory).start()) {
            talk(client, server);
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            String trace = relay.trace();
            assertTrue(trace.contains("    ClientKeyExchange, Length="), trace);
            assertFalse(trace.contains("Finished"), trace);
            assertTrue(count(trace, "not opened (no -keylogfile)") >= 4, "2 Finished, data, 2 close_notify:\n" + trace);
        }
    }

    @Test
    void strippingRenegotiationInfoMakesOpenSslsClientRefuseTheLegacyServer() throws Exception {
        try (OpenSslServer server = sServer().start();
             RunningRelay relay = new RunningRelay(server.port(), StripRenegotiationInfo::new, Optional.empty());
             OpenSslClient client = OpenSslClient.builder(relay.port()).directory(directory).start()) {
            assertFalse(client.awaitHandshake(WAIT));
            // RFC 5746 §4.1: OpenSSL 3.0's client refuses a server without secure renegotiation by default.
            assertTrue(client.awaitStderr(Pattern.compile("unsafe legacy renegotiation disabled"), 0, WAIT).isPresent(), client.diagnostics());
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            String trace = relay.trace();
            String clientHello = trace.substring(trace.indexOf("ClientHello"), trace.indexOf("ServerHello"));
            assertFalse(clientHello.contains("renegotiation_info") || clientHello.contains("RENEGOTIATION_INFO_SCSV"),
                    clientHello);
            assertTrue(trace.contains("Level=fatal(2), description=handshake_failure(40)"), trace);
        }
    }

    @Test
    void strippingRenegotiationInfoIsStillCaughtByTheExtendedMasterSecretWhenTheClientAllowsLegacyServers()
            throws Exception {
        try (OpenSslServer server = sServer().start();
             RunningRelay relay = new RunningRelay(server.port(), StripRenegotiationInfo::new, Optional.empty());
             OpenSslClient client = OpenSslClient.builder(relay.port()).option("-legacy_server_connect")
                     .directory(directory).start()) {
            // The client lets the server without renegotiation_info pass, but the two transcripts differ
            // (RFC 7627 §4: the master secret hashes them), so the server cannot open the client's Finished.
            assertTrue(server.awaitStderr(Pattern.compile("decryption failed or bad record mac"), 0, WAIT).isPresent(),
                    server.diagnostics());
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            String trace = relay.trace();
            assertTrue(trace.contains("extended_master_secret"), trace);
            assertTrue(trace.contains("    ClientKeyExchange, Length="), "the client went on:\n" + trace);
            assertTrue(trace.contains("Level=fatal(2), description=bad_record_mac(20)"), trace);
        }
    }

    @Test
    void aDowngradedClientHelloIsCaughtByTheClientsDowngradeSentinelCheck() throws Exception {
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate())
                .key(pki.serverRsa().key()).secLevel0().naccept(1).directory(directory).start();
             RunningRelay relay = new RunningRelay(server.port(), DowngradeClientHello::new, Optional.empty());
             OpenSslClient client = OpenSslClient.builder(relay.port()).secLevel0().directory(directory).start()) {
            assertFalse(client.awaitHandshake(WAIT));
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            String trace = relay.trace();
            assertTrue(trace.contains("client_version=0x302 (TLS 1.1)"), trace);
            assertTrue(trace.contains("server_version=0x302 (TLS 1.1)"), "the server fell for it:\n" + trace);
            // RFC 8446 §4.1.3: negotiating TLS 1.1 or below, the last 8 bytes of the random are "DOWNGRD" 00.
            assertTrue(Pattern.compile("random_bytes \\(len=28\\): [0-9A-F]{40}444F574E47524400").matcher(trace).find(),
                    "the downgrade sentinel in the ServerHello random:\n" + trace);
            // RFC 8446 §4.1.3: a client that supports TLS 1.2 or later aborts with illegal_parameter on seeing it.
            // its stderr is read by another thread: wait for the line, do not race the reader
            assertTrue(client.awaitStderr(Pattern.compile("inappropriate fallback"), 0, WAIT).isPresent(),
                    client.diagnostics());
            assertTrue(trace.contains("Level=fatal(2), description=illegal_parameter(47)"), trace);
            assertFalse(trace.contains("Finished"), "caught before any Finished:\n" + trace);
        }
    }

    @Test
    void truncatingBeforeCloseNotifyIsNoticedByTheServerAsAnUnexpectedEof() throws Exception {
        try (OpenSslServer server = sServer().start();
             RunningRelay relay = new RunningRelay(server.port(), TruncateBeforeCloseNotify::new, Optional.empty());
             OpenSslClient client = OpenSslClient.builder(relay.port()).directory(directory).start()) {
            talk(client, server);
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            assertTrue(relay.trace().contains("relay: interceptor truncated the connection: client -> server alert record"),
                    relay.trace());
            assertTrue(server.awaitStderr(Pattern.compile("unexpected eof while reading"), 0, WAIT).isPresent(),
                    server.diagnostics());
            assertFalse(server.awaitCleanClose(0, Duration.ZERO), "no DONE: s_server never saw close_notify");
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
