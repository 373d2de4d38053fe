package org.layeredtls.cwmp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.InMemoryDeviceStore;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.demo.CaptureTrace;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.cert.IssuedCertificate;
import org.layeredtls.handshake.cert.KeyAlgorithm;

/** TLS between CWMP sessions: the second session resumes, the identity check holds, both close_notify alerts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResumptionAndCloseTest {

    private static final String DEVICE = TestPki.DEVICE;

    @TempDir
    Path dir;
    private AcsServer acs;
    private AcsEngine engine;
    private CpeDevice cpe;

    @AfterEach
    void stop() throws IOException {
        try {
            if (cpe != null) {
                cpe.close();
            }
        } finally {
            if (acs != null) {
                acs.close();
            }
        }
    }

    private void start(IssuedCertificate certificate, CaptureTrace trace) throws IOException {
        engine = new AcsEngine(new InMemoryDeviceStore(), Clock.systemUTC());
        acs = AcsServer.start(engine, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, "/acs", null, null);
        TlsConfig tls = TestPki.cpeTls(certificate);
        if (trace != null) {
            tls = tls.toBuilder().observer(trace).build();
        }
        var model = DeviceModels.defaultDevice("LayeredTLS", "00D09E", "IGD", "SN0001");
        model.setLocal(model.root() + "ManagementServer.PeriodicInformEnable", "false");
        CpeAgent agent = new CpeAgent(model, dir.resolve("cpe.state"), Clock.systemUTC(),
                new HttpCpeActions(new HttpFetcher(tls, DeterministicRandomSource.fromLabel("f"), 1 << 20), null, null));
        CpeClient client = new CpeClient(acs.url("localhost"), tls, null, null, DeterministicRandomSource.fromLabel("cpe"));
        cpe = CpeDevice.start(agent, client, InetAddress.getLoopbackAddress(), 0, DeterministicRandomSource.fromLabel("cr"),
                Clock.systemUTC(), null, Duration.ofMillis(50), 1);
    }

    private List<String> handshakes() {
        return acs.events().stream().filter(e -> e.startsWith("TLS ")).toList();
    }

    @Test
    void theSecondCwmpSessionResumesTheTlsSessionAndTheAcsStillKnowsTheDevice() throws Exception {
        start(TestPki.CPE, null);
        assertTrue(cpe.runOneSession(Duration.ofSeconds(30)));
        assertFalse(cpe.client().lastSessionInfo().resumed(), "the first session is a full handshake");
        cpe.agent().addEvent("6 CONNECTION REQUEST", "");
        assertTrue(cpe.runOneSession(Duration.ofSeconds(30)));
        assertTrue(cpe.client().lastSessionInfo().resumed(), "the second session resumes: " + cpe.client().lastSessionInfo());
        assertEquals(1, cpe.client().lastSessionInfo().peerCertificates().size(), "the ACS's certificate carried over");

        List<String> handshakes = handshakes();
        assertEquals(2, handshakes.size(), handshakes.toString());
        assertTrue(handshakes.get(0).startsWith("TLS full handshake") && handshakes.get(0).endsWith("certificate identity " + DEVICE),
                handshakes.toString());
        assertTrue(handshakes.get(1).startsWith("TLS resumed handshake") && handshakes.get(1).endsWith("certificate identity " + DEVICE),
                handshakes.toString());
        assertEquals(2, acs.sessionsStarted());
        assertTrue(engine.device(DEVICE).orElseThrow().lastInform().events().stream()
                .anyMatch(e -> e.eventCode().equals("6 CONNECTION REQUEST")), "the resumed session's Inform was recorded");
    }

    @Test
    void aResumedSessionKeepsTheIdentityCheck() throws Exception {
        // a certificate from the right CA, but for another device than the one the CPE says it is in its Inform
        IssuedCertificate other = TestPki.CA.issueClient("00D09E-IGD-SN9999", KeyAlgorithm.EC_P256,
                java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(86_400));
        start(other, null);
        assertFalse(cpe.runOneSession(Duration.ofSeconds(30)));
        assertFalse(cpe.client().lastSessionInfo().resumed());
        assertFalse(cpe.runOneSession(Duration.ofSeconds(30)));
        assertTrue(cpe.client().lastSessionInfo().resumed(), "the refused device still resumed its TLS session");
        List<String> handshakes = handshakes();
        assertTrue(handshakes.get(1).startsWith("TLS resumed") && handshakes.get(1).endsWith("identity 00D09E-IGD-SN9999"),
                handshakes.toString());
        assertEquals(2, acs.events().stream().filter(e -> e.startsWith("session refused (403)")).count(), acs.events().toString());
        assertTrue(engine.device(DEVICE).isEmpty(), "nothing recorded for the device the certificate does not name");
    }

    @Test
    void theCpeReadsTheAcsAnsweringCloseNotifyBeforeClosing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CaptureTrace trace = new CaptureTrace(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                CaptureTrace.Detail.NORMAL, "CPE", "ACS");
        start(TestPki.CPE, trace);
        assertTrue(cpe.runOneSession(Duration.ofSeconds(30)));
        cpe.agent().addEvent("6 CONNECTION REQUEST", "");
        assertTrue(cpe.runOneSession(Duration.ofSeconds(30)));
        List<String> lines = trace.lines();
        int closes = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).contains("CPE -> ACS Alert(21)") && lines.get(i + 1).contains("close_notify")
                    && i + 3 < lines.size() && lines.get(i + 2).contains("ACS -> CPE Alert(21)")
                    && lines.get(i + 3).contains("Alert warning close_notify")) {
                closes++;
            }
        }
        assertEquals(2, closes, "each session ends with our close_notify and the ACS's answer:\n" + String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("abbreviated handshake")), "the trace marks the resumed session");
    }
}
