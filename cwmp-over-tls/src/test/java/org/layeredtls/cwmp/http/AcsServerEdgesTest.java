package org.layeredtls.cwmp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * What real CPEs tripped over at the ACS's door: the URL path they were given, an empty POST with no
 * session, and a connection that closes before it says anything.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AcsServerEdgesTest {

    private static final int BOUND_MILLIS = 20_000;

    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<String> debug = new LinkedBlockingQueue<>();
    private AcsServer acs;

    @AfterEach
    void stop() throws IOException {
        if (acs != null) {
            acs.close();
        }
    }

    private void start(String path) throws IOException {
        acs = AcsServer.start(InformOnlyEndpoint.ENDPOINT, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, path,
                null, events::add, debug::add);
    }

    /** One CWMP session by the real client to {@code url}: the HTTP statuses it saw. */
    private static List<Integer> session(URI url) throws Exception {
        CpeClient cpe = new CpeClient(url, TestPki.cpeTls(TestPki.CPE), null, null,
                DeterministicRandomSource.fromLabel("edges cpe"));
        List<Integer> statuses = new ArrayList<>();
        cpe.run(new CpeExchange() {
            @Override
            public byte[] firstRequest() {
                return "<Inform/>".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] onResponse(int httpStatus, byte[] body) {
                statuses.add(httpStatus);
                return httpStatus == 200 ? new byte[0] : null;
            }
        });
        return statuses;
    }

    /** Sends {@code request} over mutual TLS and returns the response head (status line and headers). */
    private String exchange(String request) throws IOException {
        try (TlsSocket tls = TlsSocket.connect("localhost", acs.getPort(), TestPki.cpeTls(TestPki.CPE))) {
            tls.socket().setSoTimeout(BOUND_MILLIS);
            tls.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = tls.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void withNoPathConfiguredTheAcsAnswersOnWhateverPathTheCpeWasGiven() throws Exception {
        start(null);
        assertEquals(List.of(200, 204), session(URI.create("https://localhost:" + acs.getPort() + "/cwmp/whatever")));
        assertEquals(List.of(200, 204), session(URI.create("https://localhost:" + acs.getPort() + "/")));
        assertEquals(2, acs.sessionsStarted());
    }

    @Test
    void aConfiguredPathRestrictsTheAcsToIt() throws Exception {
        start("/acs");
        assertTrue(exchange("POST /elsewhere HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                .startsWith("HTTP/1.1 404"));
        assertEquals(List.of(200, 204), session(acs.url("localhost")));
    }

    @Test
    void anEmptyPostOutsideASessionIs204WithNoSessionNoCookieAndNoSessionLine() throws Exception {
        start(null);
        String head = exchange("POST /acs HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 204"), head);
        assertFalse(head.toLowerCase(java.util.Locale.ROOT).contains("set-cookie"), head);
        assertEquals(0, acs.sessionsStarted());
        assertFalse(events.stream().anyMatch(l -> l.startsWith("session")), events.toString());
        String line = debug.poll(BOUND_MILLIS, TimeUnit.MILLISECONDS);
        assertNotNull(line);
        assertTrue(line.startsWith("empty POST outside a session"), line);
    }

    @Test
    void aConnectionClosedBeforeItsFirstByteIsClosedSilentlyAndLoggedAtDebugLevelOnly() throws Exception {
        start(null);
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), acs.getPort())) {
            probe.shutdownOutput(); // connect, say nothing, close our side
            probe.setSoTimeout(BOUND_MILLIS);
            assertEquals(-1, probe.getInputStream().read(), "no alert, no close_notify: nothing at all");
        }
        String line = debug.poll(BOUND_MILLIS, TimeUnit.MILLISECONDS);
        assertNotNull(line, "no debug line; events: " + events);
        assertTrue(line.contains("closed before its first byte"), line);
        assertEquals(List.of(200, 204), session(acs.url("localhost"))); // the next CPE is served as usual
        assertFalse(events.stream().anyMatch(l -> l.startsWith("connection ") || l.startsWith("refused ")),
                events.toString());
    }
}
