package org.layeredtls.cwmp.acs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.cwmp.cpe.CpeActions;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.cpe.FetchResult;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.DownloadResponse;
import org.layeredtls.cwmp.rpc.EventStruct;
import org.layeredtls.cwmp.rpc.GetParameterValues;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.Reboot;
import org.layeredtls.cwmp.rpc.RebootResponse;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.SetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.TransferComplete;
import org.layeredtls.cwmp.soap.CwmpException;

class CpeAcsSessionTest {
    static final String ID = "00D09E-LTGW-SN0001";

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
    FakeActions actions = new FakeActions();
    CpeAgent agent;
    AcsEngine acs;

    static final class FakeActions implements CpeActions {
        final List<String> downloads = new ArrayList<>();
        int reboots;
        byte[] content = new byte[] {1, 2, 3, 4};
        boolean failDownload;

        @Override
        public FetchResult download(String url, String username, String password, long expectedSize)
                throws IOException {
            downloads.add(url + " " + username + " " + password);
            if (failDownload) {
                throw new IOException("connection refused");
            }
            return new FetchResult(content);
        }

        @Override
        public void reboot() {
            reboots++;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        agent = new CpeAgent(DeviceModels.defaultDevice("LayeredTLS", "00D09E", "LTGW", "SN0001"),
                dir.resolve("cpe.state"), clock, actions);
        acs = new AcsEngine(new FileDeviceStore(dir.resolve("acs")), clock);
    }

    private static List<String> codes(List<EventStruct> events) {
        return events.stream().map(EventStruct::eventCode).toList();
    }

    @Test
    void fullLifecycleBootstrapGpvSpvDownloadTransferCompleteReboot() throws Exception {
        // Session 1: BOOTSTRAP + BOOT, then a GPV and an SPV queued before the device first called.
        String gpv = acs.enqueue(ID, new GetParameterValues(List.of("Device.DeviceInfo.", "Device.ManagementServer.")));
        String spv = acs.enqueue(ID, new SetParameterValues(List.of(
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "600", "unsignedInt"),
                ParameterValueStruct.ofString("Device.ManagementServer.ConnectionRequestUsername", "cr-user"),
                ParameterValueStruct.ofString("Device.ManagementServer.ConnectionRequestPassword", "cr-secret")),
                "key-1"));
        agent.model().setLocal("Device.ManagementServer.ConnectionRequestURL", "http://192.0.2.10:7547/cr");
        List<String> log = InMemoryWire.session(agent, acs, ID);

        DeviceRecord rec = acs.device(ID).orElseThrow();
        assertEquals(List.of("0 BOOTSTRAP", "1 BOOT", "4 VALUE CHANGE"),
                codes(rec.lastInform().events()).stream().sorted().toList(), log.toString());
        List<TaskResult> results = acs.results(ID);
        assertEquals(List.of(gpv, spv), results.stream().map(TaskResult::taskId).toList());
        GetParameterValuesResponse values = assertInstanceOf(GetParameterValuesResponse.class,
                results.get(0).response());
        assertTrue(values.parameterList().stream().anyMatch(
                p -> p.name().equals("Device.DeviceInfo.SerialNumber") && p.value().equals("SN0001")));
        assertEquals(new SetParameterValuesResponse(0), results.get(1).response());
        assertEquals("600", agent.model().valueOf("ManagementServer.PeriodicInformInterval"));
        assertEquals("key-1", agent.model().parameterKey());
        assertEquals("http://192.0.2.10:7547/cr", rec.connectionRequestUrl().orElseThrow());
        assertEquals("cr-user", rec.connectionRequestUsername().orElseThrow());
        assertEquals("cr-secret", rec.connectionRequestPassword().orElseThrow(),
                "a password read back as \"\" must not erase the one the ACS set");
        assertFalse(agent.hasPendingEvents(), "delivered events leave the queue");
        assertTrue(rec.pendingTasks().isEmpty());

        // Session 2 (connection request): Download, answered with Status 1 and the unknown times.
        String dl = acs.enqueue(ID, new Download("fw-7", "1 Firmware Upgrade Image", "https://files.example/fw.bin",
                "u", "p", 4, "", 0, "", ""));
        agent.addEvent("6 CONNECTION REQUEST", "");
        InMemoryWire.session(agent, acs, ID);
        assertEquals(DownloadResponse.pending(), acs.results(ID).get(2).response());
        assertEquals(List.of("https://files.example/fw.bin u p"), actions.downloads, "fetched after the session");
        assertEquals(List.of("7 TRANSFER COMPLETE", "M Download"), codes(agent.pendingEvents()));

        // Session 3: TRANSFER COMPLETE + M Download; TransferComplete recorded against the Download task.
        clock.advance(Duration.ofMinutes(1));
        log = InMemoryWire.session(agent, acs, ID);
        assertEquals(List.of(new EventStruct("7 TRANSFER COMPLETE", ""), new EventStruct("M Download", "fw-7")),
                acs.device(ID).orElseThrow().lastInform().events());
        TaskResult tcResult = acs.results(ID).get(3);
        assertEquals(dl, tcResult.taskId());
        TransferComplete tc = assertInstanceOf(TransferComplete.class, tcResult.response());
        assertEquals("fw-7", tc.commandKey());
        assertEquals(0, tc.faultStruct().faultCode());
        assertFalse(agent.hasPendingEvents(), log.toString());

        // Session 4: Reboot; after it, M Reboot + BOOT and the ACS-set values survived.
        acs.enqueue(ID, new Reboot("rb-1"));
        agent.addEvent("2 PERIODIC", "");
        InMemoryWire.session(agent, acs, ID);
        assertEquals(new RebootResponse(), acs.results(ID).get(4).response());
        assertEquals(1, actions.reboots);
        assertEquals(List.of("M Reboot", "1 BOOT"), codes(agent.pendingEvents()));
        InMemoryWire.session(agent, acs, ID);
        assertEquals(List.of(new EventStruct("M Reboot", "rb-1"), new EventStruct("1 BOOT", "")),
                acs.device(ID).orElseThrow().lastInform().events());
        assertEquals("600", agent.model().valueOf("ManagementServer.PeriodicInformInterval"));
    }

    @Test
    void failedDownloadIsReportedAs9010() throws Exception {
        actions.failDownload = true;
        InMemoryWire.session(agent, acs, ID);
        acs.enqueue(ID, new Download("k", "1 Firmware Upgrade Image", "http://x/f", "", "", 0, "", 0, "", ""));
        InMemoryWire.session(agent, acs, ID);
        InMemoryWire.session(agent, acs, ID);
        TaskResult r = acs.results(ID).get(acs.results(ID).size() - 1);
        TransferComplete tc = assertInstanceOf(TransferComplete.class, r.response());
        assertEquals(9010, tc.faultStruct().faultCode());
        assertTrue(r.isFault());
    }

    @Test
    void identityMismatchIsRefused() throws Exception {
        var cpe = agent.openSession();
        var session = acs.newSession("00D09E-LTGW-SOMEONE-ELSE");
        CwmpException e = assertThrows(CwmpException.class, () -> session.onPost(cpe.firstRequest()));
        assertEquals(CwmpException.Kind.IDENTITY_MISMATCH, e.kind());
        assertTrue(session.isOver());
        assertTrue(acs.device(ID).isEmpty(), "nothing learnt from a refused Inform");
        assertTrue(agent.hasPendingEvents(), "the CPE keeps its events");
    }

    @Test
    void ouiAndSerialNumberAreAcceptedAsIdentity() throws Exception {
        InMemoryWire.session(agent, acs, "00D09E-SN0001");
        assertTrue(acs.device(ID).isPresent());
    }

    @Test
    void aBareSerialNumberIsNotEnoughIdentity() throws Exception {
        var cpe = agent.openSession();
        var session = acs.newSession("SN0001");
        CwmpException e = assertThrows(CwmpException.class, () -> session.onPost(cpe.firstRequest()));
        assertEquals(CwmpException.Kind.IDENTITY_MISMATCH, e.kind());
    }

    @Test
    void cpeFaultIsRecordedAsTaskResult() throws Exception {
        acs.enqueue(ID, new GetParameterValues(List.of("Device.NoSuchThing")));
        InMemoryWire.session(agent, acs, null);
        CwmpFault f = assertInstanceOf(CwmpFault.class, acs.results(ID).get(0).response());
        assertEquals(9005, f.faultCode());
    }

    @Test
    void acsStoreSurvivesRestart() throws Exception {
        String t = acs.enqueue(ID, new Reboot("later"));
        InMemoryWire.session(agent, acs, ID);
        acs.enqueue(ID, new GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion")));
        AcsEngine restarted = new AcsEngine(new FileDeviceStore(dir.resolve("acs")), clock);
        DeviceRecord r = restarted.device(ID).orElseThrow();
        assertEquals(acs.device(ID).orElseThrow(), r);
        assertEquals(t, r.results().get(0).taskId());
        assertEquals(1, r.pendingTasks().size());
        assertEquals(List.of(ID), restarted.store().deviceIds());
    }
}
