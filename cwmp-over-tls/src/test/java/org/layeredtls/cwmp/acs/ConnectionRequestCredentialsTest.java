package org.layeredtls.cwmp.acs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.SetParameterValuesResponse;

/** The ACS gives every device its own Connection Request credentials in the device's first session. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionRequestCredentialsTest {

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
    final AcsEngine acs = new AcsEngine(new InMemoryDeviceStore(), clock,
            new ConnectionRequestCredentials(DeterministicRandomSource.fromLabel("cr credentials")));

    private CpeAgent agent(DataModel model, String name) {
        return new CpeAgent(model, dir.resolve(name + ".state"), clock, new CpeAcsSessionTest.FakeActions());
    }

    @Test
    void aBootstrappingDeviceGetsItsOwnRandomCredentialsBeforeAnyOtherTask() throws Exception {
        String id = "00D09E-LTGW-SN0001";
        String gpv = acs.enqueue(id, new GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion")));
        CpeAgent cpe = agent(DeviceModels.tr181("LayeredTLS", "00D09E", "LTGW", "SN0001"), "one");
        InMemoryWire.session(cpe, acs, id);

        List<TaskResult> results = acs.results(id);
        assertEquals(2, results.size());
        SetParameterValues set = assertInstanceOf(SetParameterValues.class, results.get(0).request(), "first task");
        assertEquals(List.of("Device.ManagementServer.ConnectionRequestUsername",
                "Device.ManagementServer.ConnectionRequestPassword"), set.parameterList().stream().map(p -> p.name()).toList());
        assertEquals(new SetParameterValuesResponse(0), results.get(0).response());
        assertEquals(gpv, results.get(1).taskId());
        assertInstanceOf(GetParameterValuesResponse.class, results.get(1).response());

        DeviceRecord record = acs.device(id).orElseThrow();
        String username = record.connectionRequestUsername().orElseThrow();
        String password = record.connectionRequestPassword().orElseThrow();
        assertTrue(username.startsWith("cr-") && username.length() == 19, username);
        assertEquals(32, password.length(), "128 random bits in hex");
        assertEquals(username, cpe.model().valueOf("ManagementServer.ConnectionRequestUsername"));
        assertEquals(password, cpe.model().valueOf("ManagementServer.ConnectionRequestPassword"));

        String other = "00D09E-LTGW-SN0002";
        InMemoryWire.session(agent(DeviceModels.tr181("LayeredTLS", "00D09E", "LTGW", "SN0002"), "two"), acs, other);
        DeviceRecord second = acs.device(other).orElseThrow();
        assertNotEquals(username, second.connectionRequestUsername().orElseThrow());
        assertNotEquals(password, second.connectionRequestPassword().orElseThrow());
    }

    @Test
    void anInternetGatewayDeviceGetsThemUnderTheRootItInformedWith() throws Exception {
        String id = "00D09E-IGD-SN0003";
        CpeAgent cpe = agent(DeviceModels.tr098("LayeredTLS", "00D09E", "IGD", "SN0003"), "igd");
        InMemoryWire.session(cpe, acs, id);
        SetParameterValues set = (SetParameterValues) acs.results(id).get(0).request();
        assertTrue(set.parameterList().stream().allMatch(p -> p.name().startsWith("InternetGatewayDevice.ManagementServer.")),
                set.toString());
        assertEquals(acs.device(id).orElseThrow().connectionRequestPassword().orElseThrow(),
                cpe.model().valueOf("ManagementServer.ConnectionRequestPassword"));
    }

    @Test
    void laterSessionsKeepTheCredentialsAndSetNothingAgain() throws Exception {
        String id = "00D09E-LTGW-SN0004";
        CpeAgent cpe = agent(DeviceModels.tr181("LayeredTLS", "00D09E", "LTGW", "SN0004"), "later");
        InMemoryWire.session(cpe, acs, id);
        String password = acs.device(id).orElseThrow().connectionRequestPassword().orElseThrow();
        cpe.addEvent("6 CONNECTION REQUEST", "");
        InMemoryWire.session(cpe, acs, id);
        assertEquals(1, acs.results(id).size(), "no second SetParameterValues");
        assertEquals(password, acs.device(id).orElseThrow().connectionRequestPassword().orElseThrow());
    }

    @Test
    void anOperatorWaitingForATaskGetsItsResultWhenTheDeviceAnswers() throws Exception {
        String id = "00D09E-LTGW-SN0005";
        CpeAgent cpe = agent(DeviceModels.tr181("LayeredTLS", "00D09E", "LTGW", "SN0005"), "wait");
        String gpv = acs.enqueue(id, new GetParameterValues(List.of("Device.DeviceInfo.SerialNumber")));
        assertEquals(Optional.empty(), acs.awaitResult(id, gpv, Duration.ofMillis(50)), "nothing before a session");
        CompletableFuture<Optional<TaskResult>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return acs.awaitResult(id, gpv, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        InMemoryWire.session(cpe, acs, id);
        TaskResult result = waiting.get(30, TimeUnit.SECONDS).orElseThrow();
        GetParameterValuesResponse values = assertInstanceOf(GetParameterValuesResponse.class, result.response());
        assertEquals("SN0005", values.parameterList().get(0).value());
    }
}
