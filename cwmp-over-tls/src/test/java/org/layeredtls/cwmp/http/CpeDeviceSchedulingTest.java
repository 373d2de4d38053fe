package org.layeredtls.cwmp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.InMemoryDeviceStore;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.ParameterType;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.handshake.api.ClientAuth;

/**
 * When {@link CpeDevice} opens sessions: Periodic Inform (TR-069 §3.2.1) and the Connection Request
 * rules (§3.2.2), end to end over loopback TLS against the real ACS. An ACS session can be held at
 * its start so that ticks and requests provably arrive while a session runs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CpeDeviceSchedulingTest {

    private static final String DEVICE = TestPki.DEVICE;
    private static final String MS = DataModel.DEVICE + "ManagementServer.";

    @TempDir
    Path dir;
    private AcsServer acs;
    private AcsEngine engine;
    private CpeDevice cpe;
    private final AtomicBoolean holdNextSession = new AtomicBoolean();
    private final CountDownLatch sessionHeld = new CountDownLatch(1);
    private final CountDownLatch releaseSession = new CountDownLatch(1);
    private final BlockingQueue<String> sessionsEnded = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws IOException {
        releaseSession.countDown();
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
        Consumer<String> log = line -> {
            if (line.startsWith("session started") && holdNextSession.compareAndSet(true, false)) {
                sessionHeld.countDown();
                await(releaseSession);
            }
            if (line.startsWith("session ended")) {
                sessionsEnded.add(line);
            }
        };
        acs = AcsServer.start(engine, TestPki.acsTls(ClientAuth.NEED), InetAddress.getLoopbackAddress(), 0, "/acs", null, log);
    }

    private void startCpe(Consumer<DataModel> setup) throws IOException {
        DataModel model = TestCpeDevice.defaultModel();
        model.setLocal(MS + "ConnectionRequestUsername", "acs");
        model.setLocal(MS + "ConnectionRequestPassword", "cr-secret");
        model.setLocal(MS + "PeriodicInformEnable", "false");
        setup.accept(model);
        cpe = TestCpeDevice.start(model, dir.resolve("cpe.state"), acs.url("localhost"), TestPki.CPE, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "latch not released in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitSessionsEnded(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            assertNotNull(sessionsEnded.poll(30, TimeUnit.SECONDS), "session " + (i + 1) + " did not end at the ACS");
        }
    }

    private List<String> informs() {
        return cpe.sessionLogs().stream().filter(l -> l.startsWith("CPE -> ACS  Inform")).toList();
    }

    private int send(ConnectionRequester requester, String password) throws IOException {
        return requester.send(cpe.connectionRequestUrl(), "acs", password);
    }

    // ------------------------------------------------------------------ Periodic Inform

    @Test
    void periodicInformsComeEveryIntervalWithTwoPeriodic() throws Exception {
        startAcs();
        startCpe(m -> {
            m.setLocal(MS + "PeriodicInformEnable", "true");
            m.setLocal(MS + "PeriodicInformInterval", "1");
        });
        Instant started = Instant.now();
        awaitSessionsEnded(2);
        assertTrue(Duration.between(started, Instant.now()).toMillis() >= 1_900, "two 1 s intervals passed");
        cpe.awaitIdle(Duration.ofSeconds(30)); // the CPE logs a session after the ACS's 204
        List<String> informs = informs();
        assertTrue(informs.size() >= 2, informs.toString());
        assertTrue(informs.get(0).contains("2 PERIODIC") && informs.get(0).contains("1 BOOT"), informs.toString());
        assertTrue(informs.get(1).startsWith("CPE -> ACS  Inform [2 PERIODIC]"), informs.toString());
        assertTrue(cpe.periodicInformsDue() >= 2);
    }

    @Test
    void theScheduleFollowsTheValuesTheAcsSets() throws Exception {
        startAcs();
        startCpe(m -> {
            m.setLocal(MS + "PeriodicInformEnable", "true");
            m.setLocal(MS + "PeriodicInformInterval", "1");
        });
        engine.enqueue(DEVICE, new SetParameterValues(List.of(
                ParameterValueStruct.ofString(MS + "PeriodicInformInterval", "3600")), "slower"));
        awaitSessionsEnded(1);
        cpe.awaitIdle(Duration.ofSeconds(30));
        Instant next = cpe.nextPeriodicInform().orElseThrow();
        long inSeconds = Duration.between(Instant.now(), next).getSeconds();
        assertTrue(inSeconds > 3500 && inSeconds <= 3600, "next periodic Inform in " + inSeconds + " s");

        engine.enqueue(DEVICE, new SetParameterValues(List.of(
                ParameterValueStruct.ofString(MS + "PeriodicInformEnable", "false")), "off"));
        cpe.periodicInformDue(); // one more session, as the timer would start it
        awaitSessionsEnded(1);
        cpe.awaitIdle(Duration.ofSeconds(30));
        assertTrue(cpe.nextPeriodicInform().isEmpty(), "disabled: nothing scheduled");
        assertEquals("off", cpe.agent().model().parameterKey());
    }

    @Test
    void periodicInformsAlignOnPeriodicInformTime() throws Exception {
        startAcs();
        startCpe(m -> {
            m.define(MS + "PeriodicInformTime", ParameterType.DATE_TIME, true, "2020-01-01T00:00:17Z");
            m.setLocal(MS + "PeriodicInformEnable", "true");
            m.setLocal(MS + "PeriodicInformInterval", "3600");
        });
        Instant now = Instant.now();
        Instant next = cpe.nextPeriodicInform().orElseThrow();
        assertEquals(17, next.getEpochSecond() % 3600, "PeriodicInformTime + k * interval: " + next);
        assertTrue(next.isAfter(now.minusSeconds(1)) && !next.isAfter(now.plusSeconds(3600)), next.toString());
    }

    @Test
    void aPeriodicTickDuringASessionDoesNotAbortItAndTicksMergeIntoOneSession() throws Exception {
        startAcs();
        startCpe(m -> { });
        holdNextSession.set(true);
        var first = cpe.requestSessions(); // BOOT and BOOTSTRAP are pending
        await(sessionHeld);
        cpe.periodicInformDue();
        cpe.periodicInformDue();
        cpe.periodicInformDue();
        releaseSession.countDown();
        assertTrue(first.get(30, TimeUnit.SECONDS), "the running session completed");
        awaitSessionsEnded(2);
        cpe.awaitIdle(Duration.ofSeconds(30));
        assertNull(cpe.lastFailure());
        assertEquals(2, cpe.sessionsCompleted());
        assertEquals(2, acs.sessionsStarted());
        List<String> informs = informs();
        assertFalse(informs.get(0).contains("2 PERIODIC"), informs.toString());
        assertTrue(informs.get(1).startsWith("CPE -> ACS  Inform [2 PERIODIC]"), informs.toString());
        assertEquals(3, cpe.periodicInformsDue());
    }

    // ------------------------------------------------------------------ Connection Request

    @Test
    void severalConnectionRequestsBeforeTheSessionStartsGiveOneSession() throws Exception {
        startAcs();
        startCpe(m -> { });
        CountDownLatch busy = new CountDownLatch(1);
        cpe.onSessionThread(() -> await(busy)); // the session thread is busy: the session cannot start yet
        ConnectionRequester requester = new ConnectionRequester(DeterministicRandomSource.fromLabel("acs"), 10_000);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, send(requester, "cr-secret"));
        }
        busy.countDown();
        awaitSessionsEnded(1);
        cpe.awaitIdle(Duration.ofSeconds(30));
        assertEquals(1, acs.sessionsStarted());
        List<String> informs = informs();
        assertEquals(1, informs.size(), informs.toString());
        assertTrue(informs.get(0).contains("6 CONNECTION REQUEST"), informs.toString());
    }

    @Test
    void moreConnectionRequestsThanTheRateLimitGet503() throws Exception {
        startAcs();
        startCpe(m -> { });
        CountDownLatch busy = new CountDownLatch(1);
        cpe.onSessionThread(() -> await(busy));
        ConnectionRequester requester = new ConnectionRequester(DeterministicRandomSource.fromLabel("acs"), 10_000);
        for (int i = 0; i < 10; i++) {
            assertEquals(200, send(requester, "cr-secret"), "request " + (i + 1));
        }
        assertEquals(503, send(requester, "cr-secret"), "the 11th request in a minute");
        busy.countDown();
        awaitSessionsEnded(1);
        cpe.awaitIdle(Duration.ofSeconds(30));
        assertEquals(1, acs.sessionsStarted());
        assertEquals(1, informs().stream().filter(l -> l.contains("6 CONNECTION REQUEST")).count());
    }

    @Test
    void aConnectionRequestDuringASessionDoesNotAbortItAndOneMoreSessionFollows() throws Exception {
        startAcs();
        startCpe(m -> { });
        holdNextSession.set(true);
        var first = cpe.requestSessions();
        await(sessionHeld);
        ConnectionRequester requester = new ConnectionRequester(DeterministicRandomSource.fromLabel("acs"), 10_000);
        assertEquals(200, send(requester, "cr-secret"));
        assertEquals(200, send(requester, "cr-secret"));
        releaseSession.countDown();
        assertTrue(first.get(30, TimeUnit.SECONDS), "the running session completed");
        awaitSessionsEnded(2);
        cpe.awaitIdle(Duration.ofSeconds(30));
        assertNull(cpe.lastFailure());
        assertEquals(2, acs.sessionsStarted());
        List<String> informs = informs();
        assertEquals(2, informs.size(), informs.toString());
        assertFalse(informs.get(0).contains("6 CONNECTION REQUEST"), informs.toString());
        assertTrue(informs.get(1).startsWith("CPE -> ACS  Inform [6 CONNECTION REQUEST]"), informs.toString());
    }

    @Test
    void aWrongPasswordStartsNoSession() throws Exception {
        startAcs();
        startCpe(m -> { });
        ConnectionRequester requester = new ConnectionRequester(DeterministicRandomSource.fromLabel("acs"), 10_000);
        assertEquals(401, send(requester, "wrong"));
        cpe.awaitIdle(Duration.ofSeconds(10));
        assertEquals(0, acs.sessionsStarted());
        assertEquals(URI.create(cpe.connectionRequestUrl().toString()), cpe.connectionRequestUrl());
    }
}
