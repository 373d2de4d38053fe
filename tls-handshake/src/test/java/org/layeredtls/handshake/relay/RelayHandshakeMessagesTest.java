package org.layeredtls.handshake.relay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.layeredtls.handshake.message.HandshakeType;

/**
 * Handshake messages that span records ({@code s_server -max_send_frag 512}: its Certificate takes
 * two records): passed unchanged they keep their records; changed, they go out re-framed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RelayHandshakeMessagesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    /** Returns each message as a new array with the same bytes, or the server's Certificate with its last bit flipped. */
    private static Supplier<RelayInterceptor> certificate(boolean flip) {
        return () -> new RelayInterceptor() {
            @Override
            public List<byte[]> handshakeMessage(Direction direction, byte[] message) {
                byte[] copy = message.clone();
                if (flip && (message[0] & 0xFF) == HandshakeType.CERTIFICATE.code()) {
                    copy[copy.length - 1] ^= 1;
                }
                return List.of(copy);
            }
        };
    }

    private static String relay(boolean flip) throws Exception {
        try (OpenSslServer server = OpenSslServer.builder().cert(pki.serverRsa().certificate())
                .key(pki.serverRsa().key()).noTls1_3().maxSendFrag(512).naccept(1).directory(directory).start();
             RunningRelay relay = new RunningRelay(server.port(), certificate(flip), Optional.empty());
             OpenSslClient client = OpenSslClient.builder(relay.port()).directory(directory).start()) {
            if (flip) {
                assertTrue(server.awaitStderr(Pattern.compile("bad record mac"), 0, WAIT).isPresent(), server.diagnostics());
            } else {
                assertTrue(client.awaitHandshake(WAIT), client.diagnostics());
                client.finish(WAIT);
            }
            assertTrue(relay.awaitEnd(WAIT), relay.trace());
            return relay.trace();
        }
    }

    @Test
    void aMessageSpanningRecordsPassedUnchangedKeepsItsRecords() throws Exception {
        String trace = relay(false);
        assertTrue(trace.contains("(part of a handshake message continued in the next record)"), trace);
        assertTrue(trace.contains("Length = 512\n"), "the server's 512-byte records, as they came:\n" + trace);
    }

    @Test
    void aChangedMessageSpanningRecordsGoesOutReframedAndTheTranscriptsNoLongerAgree() throws Exception {
        String trace = relay(true);
        assertFalse(trace.contains("(part of a handshake message continued in the next record)"), trace);
        assertTrue(Pattern.compile("Length = (\\d{4}|[6-9]\\d\\d)\\n    Certificate, Length=").matcher(trace).find(),
                "one record over 512 bytes carries the whole Certificate:\n" + trace);
        // RFC 7627: the master secret hashes the transcript, which now differs: the client's Finished does not open.
        assertTrue(trace.contains("Level=fatal(2), description=bad_record_mac(20)"), trace);
    }
}
