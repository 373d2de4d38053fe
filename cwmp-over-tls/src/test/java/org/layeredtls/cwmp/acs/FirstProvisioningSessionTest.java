package org.layeredtls.cwmp.acs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layeredtls.cwmp.cpe.CpeActions;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.cpe.FetchResult;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.cwmp.rpc.CwmpRequest;
import org.layeredtls.cwmp.rpc.GetParameterNames;
import org.layeredtls.cwmp.rpc.GetParameterNamesResponse;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.ParameterInfoStruct;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;

/**
 * What a real ACS asks a CPE it has never seen, over the SOAP codec of both sides: FreeACS's discovery
 * (GetParameterNames of the whole root with NextLevel false, then GetParameterValues of every name it got,
 * objects included) and GenieACS's refresh (GetParameterNames with NextLevel true, level by level, then
 * GetParameterValues of the leaves). Every answer must come without a fault; before DeviceInfo was
 * complete, {@code Device.DeviceInfo.VendorConfigFile.} was answered with 9005.
 */
class FirstProvisioningSessionTest {

    private static final String DEVICE = "00D09E-IGD-SN0001";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
    private CpeAgent agent;
    private AcsEngine acs;

    private static final CpeActions NO_ACTIONS = new CpeActions() {
        @Override
        public FetchResult download(String url, String username, String password, long expectedSize) {
            throw new AssertionError("no Download in this test");
        }

        @Override
        public void reboot() {
            throw new AssertionError("no Reboot in this test");
        }
    };

    private void start(String root) {
        DataModel model = root.equals(DataModel.DEVICE)
                ? DeviceModels.tr181("LayeredTLS", "00D09E", "IGD", "SN0001")
                : DeviceModels.tr098("LayeredTLS", "00D09E", "IGD", "SN0001");
        agent = new CpeAgent(model, dir.resolve("cpe.state"), clock, NO_ACTIONS);
        acs = new AcsEngine(new InMemoryDeviceStore(), clock);
    }

    /** Queues one request, runs a session for it (a Connection Request after the first), returns the answer. */
    private Object ask(CwmpRequest request) throws Exception {
        int before = acs.results(DEVICE).size();
        acs.enqueue(DEVICE, request);
        if (!agent.hasPendingEvents()) {
            agent.addEvent("6 CONNECTION REQUEST", "");
        }
        List<String> log = InMemoryWire.session(agent, acs, DEVICE);
        List<TaskResult> results = acs.results(DEVICE);
        assertEquals(before + 1, results.size(), log.toString());
        TaskResult result = results.get(before);
        assertFalse(result.isFault(), request + " -> " + result.response());
        return result.response();
    }

    @ParameterizedTest
    @ValueSource(strings = {DataModel.DEVICE, DataModel.INTERNET_GATEWAY_DEVICE})
    void freeAcsDiscoveryReadsTheWholeTreeWithoutAFault(String root) throws Exception {
        start(root);
        List<ParameterInfoStruct> infos = assertInstanceOf(GetParameterNamesResponse.class,
                ask(new GetParameterNames(root, false))).parameterList();
        List<String> all = infos.stream().map(ParameterInfoStruct::name).toList();
        String configFiles = root + "DeviceInfo.VendorConfigFile.";
        assertTrue(all.contains(configFiles), all.toString());

        List<ParameterValueStruct> values = assertInstanceOf(GetParameterValuesResponse.class,
                ask(new GetParameterValues(all))).parameterList();
        Set<String> leaves = new TreeSet<>(all.stream().filter(n -> !n.endsWith(".")).toList());
        assertEquals(leaves, new TreeSet<>(values.stream().map(ParameterValueStruct::name).toList()),
                "every parameter named is read, partial paths expanded");
        assertTrue(values.contains(new ParameterValueStruct(configFiles + "1.Name", "cpe.state", "string")));
        assertTrue(values.contains(new ParameterValueStruct(root + "ManagementServer.ConnectionRequestPassword", "", "string")));
    }

    @Test
    void genieAcsRefreshWalksEveryLevelWithoutAFault() throws Exception {
        start(DataModel.DEVICE);
        List<String> leaves = new ArrayList<>();
        List<String> objects = new ArrayList<>(List.of(DataModel.DEVICE));
        for (int i = 0; i < objects.size(); i++) {
            for (ParameterInfoStruct info : assertInstanceOf(GetParameterNamesResponse.class,
                    ask(new GetParameterNames(objects.get(i), true))).parameterList()) {
                (info.name().endsWith(".") ? objects : leaves).add(info.name());
            }
        }
        assertTrue(objects.containsAll(List.of("Device.DeviceInfo.VendorConfigFile.", "Device.DeviceInfo.VendorConfigFile.1.",
                "Device.DeviceInfo.MemoryStatus.", "Device.DeviceInfo.ProcessStatus.Process.1.")), objects.toString());
        List<ParameterValueStruct> values = assertInstanceOf(GetParameterValuesResponse.class,
                ask(new GetParameterValues(leaves))).parameterList();
        assertEquals(leaves, values.stream().map(ParameterValueStruct::name).toList());
        assertEquals(agent.model().parameterNames().size(), leaves.size(), "the walk found every parameter");
    }
}
