package org.layeredtls.cwmp.http;

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
import org.layeredtls.cwmp.acs.InMemoryDeviceStore;
import org.layeredtls.cwmp.acs.TaskResult;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.handshake.api.ClientAuth;

/**
 * The Connection Request credentials (TR-069 §3.2.2): a CPE fresh from the factory has none and lets
 * nobody in; the ACS sets them with SetParameterValues (or the operator on the command line), they
 * persist like every other parameter, and the password never reads back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionRequestCredentialsTest {

    private static final String DEVICE = TestPki.DEVICE;
    private static final String MS = DataModel.DEVICE + "ManagementServer.";

    @TempDir
    Path dir;
    private AcsServer acs;
    private AcsEngine engine;
    private CpeDevice cpe;
    private final ConnectionRequester requester = new ConnectionRequester(DeterministicRandomSource.fromLabel("acs"), 10_000);

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
        engine = new AcsEngine(new InMemoryDeviceStore(), Clock.systemUTC());
        acs = AcsServer.start(engine, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, "/acs", null, null);
    }

    /** A CPE over the state file in {@code dir}: fresh from the factory the first time, restored after. */
    private void startCpe() throws IOException {
        if (cpe != null) {
            cpe.close();
        }
        DataModel model = TestCpeDevice.defaultModel();
        model.setLocal(MS + "PeriodicInformEnable", "false");
        cpe = TestCpeDevice.start(model, dir.resolve("cpe.state"), acs.url("localhost"), TestPki.CPE, null);
    }

    private int connectionRequest(String username, String password) throws IOException {
        return requester.send(cpe.connectionRequestUrl(), username, password);
    }

    @Test
    void aCpeWithoutCredentialsAnswers401ToEveryConnectionRequest() throws Exception {
        startAcs();
        startCpe();
        assertEquals("", cpe.agent().model().valueOf("ManagementServer.ConnectionRequestUsername"), "factory default");
        assertEquals(401, connectionRequest("", ""), "the empty user name and password are not credentials");
        assertEquals(401, connectionRequest("admin", ""));
        assertEquals(401, connectionRequest("", "admin"));
        cpe.awaitIdle(Duration.ofSeconds(10));
        assertEquals(0, cpe.sessionsCompleted(), "no session follows a refused request");
    }

    @Test
    void aUserNameWithoutAPasswordIsNotEnough() throws Exception {
        startAcs();
        startCpe();
        cpe.agent().configure("ManagementServer.ConnectionRequestUsername", "acs");
        assertEquals(401, connectionRequest("acs", ""));
        cpe.awaitIdle(Duration.ofSeconds(10));
        assertEquals(0, cpe.sessionsCompleted());
    }

    @Test
    void credentialsSetByTheAcsAuthenticateNeverReadBackAndSurviveARestart() throws Exception {
        startAcs();
        engine.enqueue(DEVICE, new SetParameterValues(List.of(
                ParameterValueStruct.ofString(MS + "ConnectionRequestUsername", "cr-00D09E-SN0001"),
                ParameterValueStruct.ofString(MS + "ConnectionRequestPassword", "7f3a9c1e")), "cr-1"));
        engine.enqueue(DEVICE, new GetParameterValues(List.of(MS + "ConnectionRequestUsername",
                MS + "ConnectionRequestPassword")));
        startCpe();
        assertTrue(cpe.runSessions(Duration.ofSeconds(30)), cpe.sessionLogs().toString());
        List<TaskResult> results = engine.results(DEVICE);
        assertFalse(results.stream().anyMatch(TaskResult::isFault), results.toString());
        var read = (GetParameterValuesResponse) results.get(1).response();
        assertEquals(List.of(new ParameterValueStruct(MS + "ConnectionRequestUsername", "cr-00D09E-SN0001", "string"),
                new ParameterValueStruct(MS + "ConnectionRequestPassword", "", "string")), read.parameterList(),
                "TR-069: the password reads back as the empty string");

        assertEquals(401, connectionRequest("", ""), "the empty credentials are refused once others are set");
        assertEquals(200, connectionRequest("cr-00D09E-SN0001", "7f3a9c1e"));
        cpe.awaitIdle(Duration.ofSeconds(30));

        startCpe(); // the same state file: a restart
        assertEquals(401, connectionRequest("cr-00D09E-SN0001", "wrong"));
        assertEquals(200, connectionRequest("cr-00D09E-SN0001", "7f3a9c1e"), "the credentials persisted");
        cpe.awaitIdle(Duration.ofSeconds(30));
        assertTrue(cpe.sessionLogs().stream().anyMatch(l -> l.contains("6 CONNECTION REQUEST")), cpe.sessionLogs().toString());
    }

    @Test
    void credentialsConfiguredOnTheDevicePersistAndTheAcsCanChangeThem() throws Exception {
        startAcs();
        startCpe();
        cpe.agent().configure("ManagementServer.ConnectionRequestUsername", "operator");
        cpe.agent().configure("ManagementServer.ConnectionRequestPassword", "s3cret");
        startCpe();
        assertEquals(200, connectionRequest("operator", "s3cret"), "configured credentials persist");
        cpe.awaitIdle(Duration.ofSeconds(30));

        engine.enqueue(DEVICE, new SetParameterValues(List.of(
                ParameterValueStruct.ofString(MS + "ConnectionRequestPassword", "from-the-acs")), "cr-2"));
        assertEquals(200, connectionRequest("operator", "s3cret")); // the session that applies the change
        cpe.awaitIdle(Duration.ofSeconds(30));
        assertFalse(engine.results(DEVICE).isEmpty() || engine.results(DEVICE).get(0).isFault(), engine.results(DEVICE).toString());
        assertEquals(401, connectionRequest("operator", "s3cret"));
        assertEquals(200, connectionRequest("operator", "from-the-acs"));
    }
}
