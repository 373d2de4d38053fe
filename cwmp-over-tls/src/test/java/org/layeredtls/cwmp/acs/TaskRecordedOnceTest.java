package org.layeredtls.cwmp.acs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layeredtls.cwmp.cpe.CpeActions;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.cpe.CpeSession;
import org.layeredtls.cwmp.cpe.FetchResult;
import org.layeredtls.cwmp.model.DeviceModels;
import org.layeredtls.cwmp.rpc.GetParameterValues;

/**
 * A CPE that gives up on a session and opens another while the ACS still holds the old one (its connection
 * stalled, not yet cut by the idle timeout) receives the same queued task in both. When both answer, the
 * task is recorded once, the first time: the store never holds a task's result twice.
 */
class TaskRecordedOnceTest {

    private static final String DEVICE = "00D09E-IGD-SN0001";

    @Test
    void aTaskAnsweredInTwoSessionsOfOneDeviceIsRecordedOnce() throws Exception {
        AcsEngine engine = new AcsEngine(new InMemoryDeviceStore(), Clock.systemUTC());
        String task = engine.enqueue(DEVICE, new GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion")));
        CpeAgent cpe = new CpeAgent(DeviceModels.defaultDevice("LayeredTLS", "00D09E", "IGD", "SN0001"), null,
                Clock.systemUTC(), NO_ACTIONS);

        AcsSession stalled = engine.newSession(DEVICE);
        CpeSession first = cpe.openSession();
        byte[] taskInStalledSession = receiveFirstTask(stalled, first);

        AcsSession retried = engine.newSession(DEVICE);
        CpeSession second = cpe.openSession();
        byte[] taskInRetriedSession = receiveFirstTask(retried, second);
        assertNull(retried.onPost(second.onResponse(200, taskInRetriedSession)), "answered: 204");

        assertNull(stalled.onPost(first.onResponse(200, taskInStalledSession)), "the late answer ends that session too");
        assertEquals(1, engine.results(DEVICE).size(), engine.results(DEVICE).toString());
        assertEquals(task, engine.results(DEVICE).get(0).taskId());
        assertTrue(stalled.log().stream().anyMatch(l -> l.contains("answered in another session")), stalled.log().toString());
    }

    /** Inform, InformResponse, the empty POST: returns the ACS's first task as the CPE receives it. */
    private static byte[] receiveFirstTask(AcsSession acs, CpeSession cpe) throws Exception {
        byte[] informResponse = acs.onPost(cpe.firstRequest());
        byte[] task = acs.onPost(cpe.onResponse(200, informResponse));
        assertTrue(task != null && task.length > 0, "a task is sent");
        return task;
    }

    private static final CpeActions NO_ACTIONS = new CpeActions() {
        @Override
        public FetchResult download(String url, String username, String password, long expectedSize) {
            throw new UnsupportedOperationException("no Download here");
        }

        @Override
        public void reboot() {
            throw new UnsupportedOperationException("no Reboot here");
        }
    };
}
