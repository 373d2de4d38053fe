package org.layeredtls.cwmp.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
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
import org.layeredtls.cwmp.acs.FileDeviceStore;
import org.layeredtls.cwmp.acs.TaskResult;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.rpc.AddObject;
import org.layeredtls.cwmp.rpc.DeleteObject;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.GetParameterAttributes;
import org.layeredtls.cwmp.rpc.GetParameterNames;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.GetRPCMethods;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.Reboot;
import org.layeredtls.cwmp.rpc.SetParameterAttributes;
import org.layeredtls.cwmp.rpc.SetParameterAttributesStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.TransferComplete;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.cert.IssuedCertificate;

/** The real CPE and ACS against each other over loopback TLS with mutual authentication. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CwmpOverTlsTest {

    private static final String DEVICE = TestPki.DEVICE;
    private static final byte[] FIRMWARE = "LayeredTLS firmware 1.1\n".repeat(100).getBytes();

    @TempDir
    Path dir;
    private AcsServer acs;
    private AcsEngine engine;
    private CpeDevice cpe;
    private int rebootCount;

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

    private void startAcs() throws IOException {
        engine = new AcsEngine(new FileDeviceStore(dir.resolve("acs")), Clock.systemUTC());
        acs = AcsServer.start(engine, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, "/acs", null, null);
        acs.addFile("/firmware/fw-1.1.bin", FIRMWARE);
    }

    private void startCpe(IssuedCertificate certificate, String acsHost) throws IOException {
        cpe = TestCpeDevice.start(TestCpeDevice.defaultModel(), dir.resolve("cpe.state"), acs.url(acsHost), certificate,
                () -> rebootCount++);
    }

    private static String root() {
        return DataModel.DEVICE;
    }

    @Test
    void aFullSessionRunsEveryRpcKindOverMutuallyAuthenticatedTls() throws Exception {
        startAcs();
        String r = root();
        engine.enqueue(DEVICE, new GetRPCMethods());
        engine.enqueue(DEVICE, new GetParameterNames(r + "ManagementServer.", true));
        engine.enqueue(DEVICE, new GetParameterValues(List.of(r + "DeviceInfo.SoftwareVersion", r + "ManagementServer.")));
        engine.enqueue(DEVICE, new SetParameterValues(List.of(
                ParameterValueStruct.ofString(r + "ManagementServer.PeriodicInformInterval", "600")), "key-1"));
        engine.enqueue(DEVICE, new SetParameterAttributes(List.of(new SetParameterAttributesStruct(
                r + "DeviceInfo.SoftwareVersion", true, 2, false, List.of()))));
        engine.enqueue(DEVICE, new GetParameterAttributes(List.of(r + "DeviceInfo.SoftwareVersion")));
        engine.enqueue(DEVICE, new AddObject(r + "NAT.PortMapping.", "key-2"));
        engine.enqueue(DEVICE, new DeleteObject(r + "NAT.PortMapping.1.", "key-3"));
        engine.enqueue(DEVICE, new Download("dl-1", "1 Firmware Upgrade Image", acs.url("localhost").resolve("/firmware/fw-1.1.bin").toString(),
                "", "", FIRMWARE.length, "", 0, "", ""));
        engine.enqueue(DEVICE, new Reboot("reboot-1"));
        startCpe(TestPki.CPE, "localhost");

        assertTrue(cpe.runSessions(Duration.ofSeconds(60)), "no event left pending: " + cpe.sessionLogs());

        List<TaskResult> results = engine.results(DEVICE);
        List<String> answers = results.stream().map(t -> t.response().getClass().getSimpleName()).toList();
        assertEquals(List.of("GetRPCMethodsResponse", "GetParameterNamesResponse", "GetParameterValuesResponse",
                "SetParameterValuesResponse", "SetParameterAttributesResponse", "GetParameterAttributesResponse",
                "AddObjectResponse", "DeleteObjectResponse", "DownloadResponse", "RebootResponse", "TransferComplete"),
                answers);
        assertFalse(results.stream().anyMatch(TaskResult::isFault), answers.toString());
        assertEquals("600", cpe.agent().model().valueOf("ManagementServer.PeriodicInformInterval"));
        assertEquals("key-3", cpe.agent().model().parameterKey());
        assertEquals(1, rebootCount);
        TransferComplete tc = (TransferComplete) results.get(results.size() - 1).response();
        assertEquals("dl-1", tc.commandKey());
        assertTrue(cpe.sessionLogs().stream().anyMatch(l -> l.contains("M Reboot")), cpe.sessionLogs().toString());
        assertEquals(cpe.sessionsCompleted(), acs.sessionsStarted());
    }

    @Test
    void aConnectionRequestWithTheRightDigestStartsASessionAndAWrongOneDoesNot() throws Exception {
        startAcs();
        startCpe(TestPki.CPE, "localhost");
        String r = root();
        engine.enqueue(DEVICE, new SetParameterValues(List.of(
                ParameterValueStruct.ofString(r + "ManagementServer.ConnectionRequestUsername", "acs"),
                ParameterValueStruct.ofString(r + "ManagementServer.ConnectionRequestPassword", "cr-secret")), "cr"));
        assertTrue(cpe.runSessions(Duration.ofSeconds(30)));
        int sessions = cpe.sessionsCompleted();
        var record = engine.device(DEVICE).orElseThrow();
        String url = record.connectionRequestUrl().orElseThrow();
        assertEquals(cpe.connectionRequestUrl().toString(), url, "the ACS learnt the URL from the Inform");

        ConnectionRequester requester = new ConnectionRequester(DeterministicRandomSource.fromLabel("acs"), 10_000);
        assertEquals(401, requester.send(java.net.URI.create(url), "acs", "wrong"));
        cpe.awaitIdle(Duration.ofSeconds(10));
        assertEquals(sessions, cpe.sessionsCompleted(), "no session after a refused request");

        assertEquals(200, requester.send(java.net.URI.create(url), "acs", "cr-secret"));
        cpe.awaitIdle(Duration.ofSeconds(30));
        assertEquals(sessions + 1, cpe.sessionsCompleted());
        List<String> logs = cpe.sessionLogs();
        assertTrue(logs.stream().anyMatch(l -> l.contains("Inform") && l.contains("6 CONNECTION REQUEST")), logs.toString());
    }

    @Test
    void valuesSurviveARestartOfEachSide() throws Exception {
        startAcs();
        String r = root();
        engine.enqueue(DEVICE, new SetParameterValues(List.of(
                ParameterValueStruct.ofString(r + "ManagementServer.PeriodicInformInterval", "900")), "persist"));
        startCpe(TestPki.CPE, "localhost");
        assertTrue(cpe.runSessions(Duration.ofSeconds(30)));
        cpe.close();
        acs.close();

        startAcs(); // a new engine over the same store directory
        assertTrue(engine.device(DEVICE).isPresent(), "the ACS remembers the device");
        assertEquals(cpe.connectionRequestUrl().toString(), engine.device(DEVICE).get().connectionRequestUrl().orElseThrow());
        startCpe(TestPki.CPE, "localhost"); // a new agent over the same state file
        assertEquals("900", cpe.agent().model().valueOf("ManagementServer.PeriodicInformInterval"));
        assertEquals("persist", cpe.agent().model().parameterKey());
        assertTrue(cpe.runSessions(Duration.ofSeconds(30)));
        assertTrue(cpe.sessionLogs().get(0).contains("1 BOOT"), cpe.sessionLogs().toString());
    }

    @Test
    void aCpeWithAnUntrustedCertificateGetsNoSession() throws Exception {
        startAcs();
        startCpe(TestPki.INTRUDER, "localhost");
        assertFalse(cpe.runSessions(Duration.ofSeconds(30)));
        assertEquals(2, cpe.agent().retryCount(), "two attempts, each counted for the next Inform's RetryCount");
        assertEquals(0, acs.sessionsStarted());
        assertTrue(engine.device(DEVICE).isEmpty());
        assertTrue(acs.events().stream().anyMatch(e -> e.contains("sent alert unknown_ca")), acs.events().toString());
    }

    @Test
    void theFirmwareServedByTheAcsArrivesWhole() throws Exception {
        startAcs();
        HttpFetcher fetcher = new HttpFetcher(TestPki.cpeTls(TestPki.CPE), DeterministicRandomSource.fromLabel("f"), 1 << 20);
        assertArrayEquals(FIRMWARE, fetcher.fetch(acs.url("localhost").resolve("/firmware/fw-1.1.bin").toString(), "", ""));
    }
}
