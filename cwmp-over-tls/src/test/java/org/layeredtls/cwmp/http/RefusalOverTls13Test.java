package org.layeredtls.cwmp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
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
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.record.ProtocolVersion;

/**
 * When a refused CPE learns of its refusal, TLS 1.3 against TLS 1.2 (over loopback, our ACS and CPE). In TLS 1.3
 * the client's handshake is over once its own Finished is sent (RFC 8446 §2, §4.4.4), so the ACS's refusal of its
 * certificate comes as the answer to its first request; in TLS 1.2 it comes in place of the ACS's Finished.
 * A wrong ACS name is the CPE's own refusal, before its Finished, in both.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusalOverTls13Test {

    private AcsServer acs;
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private final List<String> informsSent = new CopyOnWriteArrayList<>();
    /** What the last refused run ended with. */
    private IOException lastFailure;

    @AfterEach
    void stop() throws IOException {
        if (acs != null) {
            acs.close();
        }
    }

    private void startAcs(IssuedCertificate certificate, ProtocolVersion version) throws IOException {
        SoapEndpoint refusing = identity -> {
            sessions.add(String.valueOf(identity));
            throw new IllegalStateException("a refused CPE has no CWMP session");
        };
        acs = AcsServer.start(refusing, only(TestPki.acsTls(certificate, ClientAuth.NEED), version),
                InetAddress.getLoopbackAddress(), 0, "/acs", null, null);
    }

    private static TlsConfig only(TlsConfig config, ProtocolVersion version) {
        return config.toBuilder().versions(version, version).build();
    }

    /** Runs one Inform from a CPE with this certificate, which must fail with {@code expected} (kept in lastFailure). */
    private CpeClient runRefused(IssuedCertificate cpeCertificate, ProtocolVersion version, Class<? extends IOException> expected)
            throws IOException {
        CpeClient client = new CpeClient(acs.url("localhost"), only(TestPki.cpeTls(cpeCertificate), version), null, null,
                DeterministicRandomSource.fromLabel("cpe"));
        IOException failure = assertThrows(IOException.class, () -> client.run(new CpeExchange() {
            @Override
            public byte[] firstRequest() {
                informsSent.add("Inform");
                return HttpOverTlsTest.INFORM;
            }

            @Override
            public byte[] onResponse(int httpStatus, byte[] body) {
                throw new AssertionError("a refused CPE gets no HTTP response, got " + httpStatus);
            }
        }));
        assertInstanceOf(expected, failure, () -> "got " + failure);
        lastFailure = failure;
        return client;
    }

    @Test
    void overTls13TheIntrudersHandshakeCompletesAndTheEncryptedRefusalAnswersItsFirstRequest() throws Exception {
        startAcs(TestPki.ACS, ProtocolVersion.TLS1_3);
        CpeClient client = runRefused(TestPki.INTRUDER, ProtocolVersion.TLS1_3, TlsAlertReceivedException.class);
        assertEquals(AlertDescription.UNKNOWN_CA, ((TlsAlertReceivedException) lastFailure).alert().description());
        // the CPE's handshake was over: it had its session (its own Finished sent) and went on with the Inform
        assertEquals(ProtocolVersion.TLS1_3, client.lastSessionInfo().version());
        assertEquals(List.of("Inform"), informsSent);
        assertEquals(0, acs.sessionsStarted());
        assertTrue(sessions.isEmpty(), sessions::toString);
    }

    @Test
    void overTls12TheIntruderLearnsOfTheRefusalBeforeItsHandshakeEnds() throws Exception {
        startAcs(TestPki.ACS, ProtocolVersion.TLS1_2);
        CpeClient client = runRefused(TestPki.INTRUDER, ProtocolVersion.TLS1_2, TlsAlertReceivedException.class);
        assertEquals(AlertDescription.UNKNOWN_CA, ((TlsAlertReceivedException) lastFailure).alert().description());
        assertNull(client.lastSessionInfo(), "no session: the handshake failed");
        assertEquals(0, acs.sessionsStarted());
    }

    @Test
    void overTls13ACpeRefusesAnAcsWhoseCertificateDoesNotNameTheUrlHostBeforeItsOwnFinished() throws Exception {
        startAcs(TestPki.ACS_ELSEWHERE, ProtocolVersion.TLS1_3);
        CpeClient client = runRefused(TestPki.CPE, ProtocolVersion.TLS1_3, TlsAlertException.class);
        assertEquals(AlertDescription.BAD_CERTIFICATE, ((TlsAlertException) lastFailure).description());
        assertNull(client.lastSessionInfo(), "the CPE's handshake never ended: it checks the name before its Finished");
        assertEquals(0, acs.sessionsStarted());
    }
}
