package org.layeredtls.cwmp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.ConnectionRequestCredentials;
import org.layeredtls.cwmp.acs.DeviceRecord;
import org.layeredtls.cwmp.acs.FileDeviceStore;
import org.layeredtls.cwmp.acs.TaskResult;
import org.layeredtls.cwmp.http.AcsServer;
import org.layeredtls.cwmp.http.TestPki;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.SetParameterValuesResponse;
import org.layeredtls.handshake.api.ClientAuth;
import org.layeredtls.handshake.api.TlsConfig;

/**
 * Many devices at once (issue 12): one ACS, in process, with mutual TLS and its file device store, as
 * {@code layeredtls acs} runs it; {@value #DEVICES} real CPEs, each with its own certificate and two
 * queued tasks, open their sessions at the same moment, while {@value #FAULTY_PER_KIND} devices per
 * {@link Fault} reset, stall or send garbage. Then the faulty devices run a normal session each.
 *
 * <p>Asserted: every well-behaved session reaches its 204; every task of every device is answered and
 * recorded exactly once (the ACS's store), and the CPE's data model holds the value set; the ACS ended
 * every stalled or garbage connection itself; the store reloads and parses, with no temporary file left;
 * the ACS still serves every faulty device afterwards, and holds no session any more (an abandoned one ends
 * with the device's next Inform). Printed, never asserted: sessions/s and p50/p99
 * session time. Bounded: every wait has a deadline that fails loudly, and the ACS's timeouts are short.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ManyDevicesLoadTest {

    static final int DEVICES = 200;
    static final int FAULTY_PER_KIND = 3;
    /** The ACS cuts a silent connection after this (TlsConfig.idleTimeout; 60 s by default). */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** And a handshake that does not complete (TlsConfig.handshakeTimeout): generous, the machine is loaded. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
    /** The deadline of each phase: a hang guard that fails loudly, not a performance bound. */
    private static final Duration PHASE_DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private final List<SimulatedDevice> devices = new ArrayList<>();
    private AcsServer acs;
    private ExecutorService threads;

    @AfterEach
    void stop() throws IOException {
        try {
            for (SimulatedDevice device : devices) {
                device.close();
            }
        } finally {
            if (threads != null) {
                threads.shutdownNow();
            }
            if (acs != null) {
                acs.close();
            }
        }
    }

    @Test
    void twoHundredMutualTlsSessionsAtOnceCompleteTheirTasksExactlyOnceWhileOthersResetStallAndSendGarbage()
            throws Exception {
        Path store = dir.resolve("acs");
        AcsEngine engine = new AcsEngine(new FileDeviceStore(store), Clock.systemUTC(),
                new ConnectionRequestCredentials(DeterministicRandomSource.fromLabel("load cr credentials")));
        // the accept backlog is TlsConfig's default: with the JDK's 50, this burst overflowed it (sessions reset)
        TlsConfig acsTls = TestPki.acsTls(ClientAuth.NEED).toBuilder()
                .idleTimeout(IDLE_TIMEOUT).handshakeTimeout(HANDSHAKE_TIMEOUT).build();
        acs = AcsServer.start(engine, acsTls, InetAddress.getLoopbackAddress(), 0, null, null, null);

        List<SimulatedDevice> wellBehaved = new ArrayList<>();
        for (int i = 1; i <= DEVICES; i++) {
            wellBehaved.add(SimulatedDevice.create("SN", i));
        }
        List<FaultyCpe> faulty = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            for (int i = 1; i <= FAULTY_PER_KIND; i++) {
                faulty.add(new FaultyCpe(SimulatedDevice.create("F" + fault.ordinal(), i), fault, acs.getPort()));
            }
        }
        devices.addAll(wellBehaved);
        faulty.forEach(f -> devices.add(f.device()));
        for (SimulatedDevice device : devices) {
            device.queueTasks(engine);
            device.start(acs);
        }
        threads = Executors.newFixedThreadPool(devices.size());

        // Phase 1: everybody at once.
        Map<String, String> problems = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        SessionTimes times = new SessionTimes();
        for (SimulatedDevice device : wellBehaved) {
            running.add(threads.submit(atTheGate(go, () -> {
                long start = System.nanoTime();
                if (device.runSession(PHASE_DEADLINE)) {
                    times.sessionEnded(start);
                } else {
                    problems.put(device.id(), "session failed: " + device.lastFailure());
                }
                return null;
            })));
        }
        Duration closeBound = IDLE_TIMEOUT.plus(PHASE_DEADLINE);
        for (FaultyCpe cpe : faulty) {
            running.add(threads.submit(atTheGate(go, () -> {
                if (!cpe.run(closeBound)) {
                    problems.put(cpe.device().id(), cpe.fault() + ": the ACS did not close the connection");
                }
                return null;
            })));
        }
        long acsCpu = CpuTime.threadsNamed("acs-");
        long processCpu = CpuTime.process();
        times.start();
        go.countDown();
        awaitAll(running, problems);
        acsCpu = CpuTime.threadsNamed("acs-") - acsCpu; // the ACS's connection threads live 60 s after their last use
        processCpu = CpuTime.process() - processCpu;
        assertTrue(problems.isEmpty(), "phase 1: " + problems);

        // Phase 2: the faulty devices come back and behave.
        SessionTimes recovery = new SessionTimes();
        running.clear();
        for (FaultyCpe cpe : faulty) {
            running.add(threads.submit(() -> {
                cpe.device().agent().addEvent("2 PERIODIC", "");
                long start = System.nanoTime();
                if (cpe.device().runSession(PHASE_DEADLINE)) {
                    recovery.sessionEnded(start);
                } else {
                    problems.put(cpe.device().id(), "after " + cpe.fault() + ": " + cpe.device().lastFailure());
                }
                return null;
            }));
        }
        awaitAll(running, problems);
        assertTrue(problems.isEmpty(), "phase 2: " + problems);

        System.out.println(times.summary("load: " + DEVICES + " mutual-TLS CPEs at once, beside "
                + faulty.size() + " faulty ones"));
        System.out.println(recovery.summary("load: the faulty CPEs' next sessions"));
        int sessions = DEVICES + faulty.size();
        System.out.printf(java.util.Locale.ROOT, "load: CPU per session in phase 1: ACS %.1f ms, ACS and CPEs together"
                + " %.1f ms (%d connections)%n", acsCpu / 1e6 / sessions, processCpu / 1e6 / sessions, sessions);

        for (SimulatedDevice device : devices) {
            assertTasksAppliedOnce(device, engine.device(device.id()).orElseThrow());
        }
        assertEquals(0, acs.openSessions(), "sessions the ACS still holds (abandoned ones are superseded by the"
                + " device's next Inform)");
        acs.close();
        assertStoreReloads(store);
    }

    /** Each task answered and recorded once, nothing left queued, and the CPE holds the value set. */
    private static void assertTasksAppliedOnce(SimulatedDevice device, DeviceRecord record) {
        String id = device.id();
        Map<String, Long> perTask = record.results().stream()
                .collect(Collectors.groupingBy(TaskResult::taskId, Collectors.counting()));
        assertEquals(1L, perTask.get(device.readTask()), id + " GetParameterValues results: " + perTask);
        assertEquals(1L, perTask.get(device.writeTask()), id + " SetParameterValues results: " + perTask);
        // the third: the ACS's own task, the device's Connection Request credentials (a bootstrap gets them)
        List<TaskResult> credentials = record.results().stream()
                .filter(r -> !r.taskId().equals(device.readTask()) && !r.taskId().equals(device.writeTask())).toList();
        assertEquals(1, credentials.size(), id + " credentials results: " + perTask);
        assertTrue(credentials.get(0).request() instanceof SetParameterValues s && s.parameterList().stream()
                .anyMatch(v -> v.name().endsWith("ManagementServer.ConnectionRequestPassword")), id + ": " + credentials);
        assertEquals(3, record.results().size(), id + " results: " + perTask);
        assertTrue(record.pendingTasks().isEmpty(), id + " tasks left: " + record.pendingTasks());
        for (TaskResult result : record.results()) {
            assertTrue(!result.isFault(), id + ": " + result);
        }
        TaskResult read = record.results().stream().filter(r -> r.taskId().equals(device.readTask())).findFirst()
                .orElseThrow();
        String softwareVersion = device.agent().model().valueOf("DeviceInfo.SoftwareVersion");
        assertEquals(softwareVersion, ((GetParameterValuesResponse) read.response()).parameterList().get(0).value(), id);
        assertTrue(record.results().stream().filter(r -> r.taskId().equals(device.writeTask()))
                .allMatch(r -> r.response() instanceof SetParameterValuesResponse), id);
        assertEquals(device.provisioningCode(), device.agent().model().valueOf("DeviceInfo.ProvisioningCode"),
                id + ": the CPE's data model");
        assertEquals(device.parameterKey(), device.agent().model().parameterKey(), id);
        assertEquals(device.provisioningCode(), record.value(SimulatedDevice.WRITTEN).orElseThrow(),
                id + ": what the ACS learnt");
    }

    /** A new store over the same directory reads every record back whole, and no temporary file is left. */
    private void assertStoreReloads(Path store) throws IOException {
        FileDeviceStore reloaded = new FileDeviceStore(store);
        List<String> ids = reloaded.deviceIds(); // parses every file
        assertEquals(devices.stream().map(SimulatedDevice::id).sorted().toList(), ids);
        for (SimulatedDevice device : devices) {
            assertTasksAppliedOnce(device, reloaded.load(device.id()).orElseThrow());
        }
        try (Stream<Path> files = Files.list(store)) {
            List<String> stray = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".xml")).toList();
            assertTrue(stray.isEmpty(), "files left in the store: " + stray);
        }
    }

    private static Callable<Void> atTheGate(CountDownLatch go, Callable<Void> work) {
        return () -> {
            if (!go.await(PHASE_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the start gate never opened");
            }
            return work.call();
        };
    }

    /** Waits for every job within the phase deadline; a job that threw or did not end is a problem. */
    private static void awaitAll(List<Future<?>> jobs, Map<String, String> problems) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_DEADLINE.toNanos();
        for (int i = 0; i < jobs.size(); i++) {
            try {
                jobs.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                problems.put("job " + i, e.getCause().toString());
            } catch (java.util.concurrent.TimeoutException e) {
                fail("job " + i + " of " + jobs.size() + " did not end within " + PHASE_DEADLINE + "; so far: " + problems);
            }
        }
    }
}
