package org.layeredtls.cwmp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsSocket;

/**
 * The ACS outlives its connections: a port probe (closed silently, no event line: see
 * {@link AcsServerEdgesTest}), a record cut short, a reset, plaintext HTTP, a TLS client that closes
 * right after its handshake, a client that never speaks (ended by the handshake timeout with a fatal
 * handshake_failure): each of the others is one event line, and a CPE's session runs normally afterwards.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AcsServerSurvivalTest {

    private static final long BOUND_SECONDS = 20;

    private final BlockingQueue<String> log = new LinkedBlockingQueue<>();
    private AcsServer acs;

    @AfterEach
    void stop() throws IOException {
        if (acs != null) {
            acs.close();
        }
    }

    /** The next connection failure the ACS logs. */
    private String nextFailure() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (true) {
            String line = log.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(line, "no failure line; events: " + acs.events());
            if (line.startsWith("refused ") || line.startsWith("connection ")) {
                return line;
            }
        }
    }

    private int port() {
        return acs.getPort();
    }

    @Test
    void strayConnectionsEachCostOneEventAndTheNextCpeRunsItsSession() throws Exception {
        acs = AcsServer.start(InformOnlyEndpoint.ENDPOINT, TestPki.acsTls(ClientAuth.NEED).toBuilder().handshakeTimeout(Duration.ofSeconds(1)).build(),
                InetAddress.getLoopbackAddress(), 0, "/acs", null, log::add);

        new Socket(InetAddress.getLoopbackAddress(), port()).close(); // a port probe: no event line

        try (Socket cut = new Socket(InetAddress.getLoopbackAddress(), port())) { // a record cut short
            cut.getOutputStream().write(new byte[] {22, 3, 1, 2, 0, 1, 0, 1, (byte) 0xFC, 3, 3});
        }
        assertTrue(nextFailure().contains("decode_error"));

        Socket reset = new Socket(InetAddress.getLoopbackAddress(), port()); // a reset in the middle of a record
        reset.getOutputStream().write(new byte[] {22, 3, 1, 2, 0, 1});
        reset.setSoLinger(true, 0);
        reset.close();
        nextFailure();

        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port())) { // HTTP without TLS
            plain.getOutputStream().write("POST /acs HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            plain.setSoTimeout((int) TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            plain.getInputStream().readAllBytes();
        }
        assertTrue(nextFailure().contains("sent alert"));

        try (TlsSocket quiet = TlsSocket.connect("127.0.0.1", port(), TestPki.cpeTls(TestPki.CPE))) { // s_client </dev/null
            quiet.startHandshake();
        }

        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port())) { // never speaks
            silent.setSoTimeout((int) TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            assertEquals(21, silent.getInputStream().read(), "an alert record");
            String failure = nextFailure();
            assertTrue(failure.contains("handshake_failure"), failure);
        }

        CpeClient cpe = new CpeClient(acs.url("localhost"), TestPki.cpeTls(TestPki.CPE), null, null,
                DeterministicRandomSource.fromLabel("cpe after strays"));
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        cpe.run(new CpeExchange() {
            @Override
            public byte[] firstRequest() {
                return "<Inform/>".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] onResponse(int httpStatus, byte[] body) {
                statuses.add(httpStatus);
                return statuses.size() == 1 ? new byte[0] : null;
            }
        });
        assertEquals(java.util.List.of(200, 204), statuses);
        assertEquals(1, acs.sessionsStarted());
    }
}
