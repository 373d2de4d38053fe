package org.layeredtls.cwmp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.crypto.DeterministicRandomSource;

/** The Connection Request: plain HTTP GET, Digest MD5 qop=auth, only the configured credentials. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionRequestTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean busy = new AtomicBoolean();
    private ConnectionRequestServer server;
    private final ConnectionRequester requester = new ConnectionRequester(DeterministicRandomSource.fromLabel("acs"), 10_000);

    private void start() throws IOException {
        server = ConnectionRequestServer.start(InetAddress.getLoopbackAddress(), 0, "/cr",
                () -> new ConnectionRequestServer.Credentials("cr-user", "cr-pass"),
                () -> {
                    requests.incrementAndGet();
                    return !busy.get();
                }, DeterministicRandomSource.fromLabel("cpe"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void digestResponseMatchesRfc2617Example() {
        // RFC 2617 §3.5
        assertEquals("6629fae49393a05397450978507c4ef1", HttpDigest.response("Mufasa", "testrealm@host.com",
                "Circle Of Life", "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001",
                "0a4f113b", "auth"));
    }

    @Test
    void theRightCredentialsAreAcceptedWith200AndTriggerTheHandlerOnce() throws Exception {
        start();
        assertEquals(200, requester.send(server.url(), "cr-user", "cr-pass"));
        assertEquals(1, requests.get());
        assertTrue(server.url().toString().startsWith("http://127.0.0.1:"));
    }

    @Test
    void aWrongPasswordIsRefusedWith401AndTriggersNothing() throws Exception {
        start();
        assertEquals(401, requester.send(server.url(), "cr-user", "wrong"));
        assertEquals(401, requester.send(server.url(), "someone-else", "cr-pass"));
        assertEquals(0, requests.get());
    }

    @Test
    void emptyCredentialsAuthenticateNobody() throws Exception {
        server = ConnectionRequestServer.start(InetAddress.getLoopbackAddress(), 0, "/cr",
                () -> new ConnectionRequestServer.Credentials("", ""), () -> {
                    requests.incrementAndGet();
                    return true;
                }, DeterministicRandomSource.fromLabel("cpe"), Clock.systemUTC());
        assertEquals(401, requester.send(server.url(), "", ""));
        assertEquals(0, requests.get());
        DigestVerifier verifier = new DigestVerifier("r", DeterministicRandomSource.fromLabel("v"), Clock.systemUTC());
        AuthParams challenge = AuthParams.parse(verifier.challenge()).orElseThrow();
        assertFalse(verifier.verify(HttpDigest.authorization(challenge, "GET", "/cr", "", "", "c1", 1), "GET", "/cr", "", ""));
        assertFalse(verifier.verify(HttpDigest.authorization(challenge, "GET", "/cr", "u", "", "c1", 2), "GET", "/cr", "u", ""));
    }

    @Test
    void aBusyCpeAnswers503() throws Exception {
        start();
        busy.set(true);
        assertEquals(503, requester.send(server.url(), "cr-user", "cr-pass"));
    }

    @Test
    void aReplayedAuthorizationIsRefused() {
        DigestVerifier verifier = new DigestVerifier("r", DeterministicRandomSource.fromLabel("v"), Clock.systemUTC());
        AuthParams challenge = AuthParams.parse(verifier.challenge()).orElseThrow();
        String authorization = HttpDigest.authorization(challenge, "GET", "/cr", "u", "p", "c1", 1);
        assertTrue(verifier.verify(authorization, "GET", "/cr", "u", "p"));
        assertFalse(verifier.verify(authorization, "GET", "/cr", "u", "p"), "nonce count 1 again");
        assertFalse(verifier.verify(HttpDigest.authorization(challenge, "GET", "/other", "u", "p", "c1", 2),
                "GET", "/cr", "u", "p"), "another URI");
        assertTrue(verifier.verify(HttpDigest.authorization(challenge, "GET", "/cr", "u", "p", "c2", 2),
                "GET", "/cr", "u", "p"));
    }

    @Test
    void aNonceTheServerNeverIssuedIsRefused() {
        DigestVerifier verifier = new DigestVerifier("r", DeterministicRandomSource.fromLabel("v"), Clock.systemUTC());
        AuthParams forged = AuthParams.parse("Digest realm=\"r\", nonce=\"00112233\", qop=\"auth\"").orElseThrow();
        assertFalse(verifier.verify(HttpDigest.authorization(forged, "GET", "/cr", "u", "p", "c", 1), "GET", "/cr", "u", "p"));
    }
}
