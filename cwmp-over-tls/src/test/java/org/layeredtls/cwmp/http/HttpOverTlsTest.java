package org.layeredtls.cwmp.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsAlertReceivedException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.api.ClientAuth;

/** The transport alone: HttpCore over our TLS, with a scripted CWMP endpoint on each side. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpOverTlsTest {

    /** A minimal Inform envelope (the scripted ACS does not parse it). */
    static final byte[] INFORM = ("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><soap-env:Body><cwmp:Inform/></soap-env:Body></soap-env:Envelope>")
            .getBytes(StandardCharsets.UTF_8);

    private AcsServer acs;
    private final List<String> identities = new CopyOnWriteArrayList<>();
    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    /** Answers the Inform, then one "RPC" to the empty POST, then 204. */
    private final SoapEndpoint scripted = identity -> {
        identities.add(String.valueOf(identity));
        return new SoapEndpoint.Session() {
            int posts;

            @Override
            public byte[] onPost(byte[] body) {
                received.add(body);
                posts++;
                return switch (posts) {
                    case 1 -> "InformResponse".getBytes(StandardCharsets.UTF_8);
                    case 2 -> "GetParameterValues".getBytes(StandardCharsets.UTF_8);
                    default -> null;
                };
            }

            @Override
            public Optional<String> deviceId() {
                return Optional.ofNullable(identity);
            }

            @Override
            public boolean isOver() {
                return posts >= 3;
            }
        };
    };

    @AfterEach
    void stop() throws IOException {
        if (acs != null) {
            acs.close();
        }
    }

    /** The CPE side: Inform, then an empty POST, then a response, then whatever the ACS says. */
    private static final class ScriptedCpe implements CpeExchange {
        final List<Integer> statuses = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        @Override
        public byte[] firstRequest() {
            return INFORM;
        }

        @Override
        public byte[] onResponse(int httpStatus, byte[] body) {
            statuses.add(httpStatus);
            bodies.add(new String(body, StandardCharsets.UTF_8));
            return switch (statuses.size()) {
                case 1 -> new byte[0];
                case 2 -> "GetParameterValuesResponse".getBytes(StandardCharsets.UTF_8);
                default -> null;
            };
        }
    }

    private CpeClient client(URI url, org.layeredtls.handshake.cert.IssuedCertificate certificate, String user, String password) {
        return new CpeClient(url, TestPki.cpeTls(certificate), user, password, DeterministicRandomSource.fromLabel("cpe"));
    }

    @Test
    void runsASessionWithMutualAuthenticationAndTheCertificateIdentity() throws Exception {
        acs = AcsServer.start(scripted, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, "/acs", null, null);
        ScriptedCpe cpe = new ScriptedCpe();
        CpeClient client = client(acs.url("localhost"), TestPki.CPE, null, null);
        client.run(cpe);

        assertEquals(List.of(200, 200, 204), cpe.statuses);
        assertEquals(List.of("InformResponse", "GetParameterValues", ""), cpe.bodies);
        assertEquals(List.of(TestPki.DEVICE), identities, "one session, identified by the certificate's CN");
        assertArrayEquals(INFORM, received.get(0));
        assertEquals(0, received.get(1).length, "the empty POST arrives empty");
        assertEquals(1, acs.sessionsStarted());
        assertEquals(1, client.lastSessionInfo().peerCertificates().size());
    }

    @Test
    void aCpeWithACertificateFromAnotherCaIsRefusedWithUnknownCa() throws Exception {
        acs = AcsServer.start(scripted, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, "/acs", null, null);
        CpeClient client = client(acs.url("localhost"), TestPki.INTRUDER, null, null);
        IOException e = assertThrows(IOException.class, () -> client.run(new ScriptedCpe()));
        TlsAlertReceivedException alert = assertInstanceOf(TlsAlertReceivedException.class, e);
        assertEquals(AlertDescription.UNKNOWN_CA, alert.alert().description());
        assertEquals(0, acs.sessionsStarted());
        assertTrue(identities.isEmpty());
    }

    @Test
    void aCpeRefusesAnAcsWhoseCertificateDoesNotNameTheUrlHost() throws Exception {
        acs = AcsServer.start(scripted, TestPki.acsTls(TestPki.ACS_ELSEWHERE, ClientAuth.NEED),
                InetAddress.getLoopbackAddress(), 0, "/acs", null, null);
        CpeClient client = client(acs.url("localhost"), TestPki.CPE, null, null);
        IOException e = assertThrows(IOException.class, () -> client.run(new ScriptedCpe()));
        TlsAlertException alert = assertInstanceOf(TlsAlertException.class, e);
        assertEquals(AlertDescription.BAD_CERTIFICATE, alert.description());
        assertEquals(0, acs.sessionsStarted());
    }

    @Test
    void aCpeWithoutACertificateAuthenticatesWithDigestWhenTheAcsAsks() throws Exception {
        acs = AcsServer.start(scripted, TestPki.acsTls(ClientAuth.WANT), InetAddress.getLoopbackAddress(), 0, "/acs",
                user -> user.equals(TestPki.DEVICE) ? Optional.of("s3cret") : Optional.empty(), null);
        ScriptedCpe cpe = new ScriptedCpe();
        client(acs.url("127.0.0.1"), null, TestPki.DEVICE, "s3cret").run(cpe);
        assertEquals(List.of(200, 200, 204), cpe.statuses);
        assertEquals(List.of(TestPki.DEVICE), identities);
    }

    @Test
    void aWrongHttpPasswordEndsInA401AndNoSession() throws Exception {
        acs = AcsServer.start(scripted, TestPki.acsTls(ClientAuth.WANT), InetAddress.getLoopbackAddress(), 0, "/acs",
                user -> Optional.of("s3cret"), null);
        ScriptedCpe cpe = new ScriptedCpe();
        client(acs.url("127.0.0.1"), null, TestPki.DEVICE, "guess").run(cpe);
        assertEquals(401, cpe.statuses.get(0));
        assertEquals(0, acs.sessionsStarted());
    }

    @Test
    void aNewInformStartsANewSessionEvenWithAStaleCookie() throws Exception {
        acs = AcsServer.start(scripted, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, "/acs", null, null);
        CpeClient client = client(acs.url("localhost"), TestPki.CPE, null, null);
        client.run(new ScriptedCpe());
        client.run(new ScriptedCpe());
        assertEquals(2, acs.sessionsStarted());
        assertEquals(2, identities.size());
        assertNotEquals(0, received.size());
    }

    @Test
    void authorizationHeadersParseAsTheirRfcSays() {
        AuthParams digest = AuthParams.parse("Digest realm=\"a, b\", qop=\"auth\", nonce=\"n\\\"1\", algorithm=MD5").orElseThrow();
        assertTrue(digest.isScheme("digest"));
        assertEquals(Map.of("realm", "a, b", "qop", "auth", "nonce", "n\"1", "algorithm", "MD5"), digest.params());
        assertEquals("dXNlcjpwYXNz", AuthParams.parse("Basic dXNlcjpwYXNz").orElseThrow().get("token68"));
    }
}
