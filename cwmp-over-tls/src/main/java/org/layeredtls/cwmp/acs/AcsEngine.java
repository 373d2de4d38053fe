package org.layeredtls.cwmp.acs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.CwmpRequest;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.EventStruct;
import org.layeredtls.cwmp.rpc.GetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.Inform;
import org.layeredtls.cwmp.rpc.SetParameterValues;
import org.layeredtls.cwmp.rpc.SetParameterValuesResponse;
import org.layeredtls.cwmp.rpc.TransferComplete;

/**
 * The ACS: a task queue per device over a {@link DeviceStore}, and a session per CPE connection
 * ({@link #newSession}). Thread-safe: the HTTP server may run sessions and enqueue tasks concurrently, and an
 * operator may wait for a task's result ({@link #awaitResult}). Each device's record is read, changed and
 * saved under that device's own lock, so that many devices' sessions do not queue behind one another's
 * store I/O; a task answered in two sessions of one device (a CPE that retried while the ACS still held its
 * old connection) is recorded once, the first time.
 *
 * <p>With {@link ConnectionRequestCredentials}, a device that informs with {@code 0 BOOTSTRAP} (its first
 * session, or after a factory reset), or that has no ConnectionRequestPassword of ours yet, gets its own
 * random ConnectionRequestUsername/Password: a SetParameterValues put before every other task.
 */
public final class AcsEngine {
    private final DeviceStore store;
    private final Clock clock;
    private final ConnectionRequestCredentials credentials;
    private final Map<String, Object> deviceLocks = new ConcurrentHashMap<>();

    /** An ACS that leaves the devices' Connection Request credentials alone. */
    public AcsEngine(DeviceStore store, Clock clock) {
        this(store, clock, null);
    }

    /**
     * An ACS that gives each device its own Connection Request credentials (null: it does not).
     */
    public AcsEngine(DeviceStore store, Clock clock, ConnectionRequestCredentials credentials) {
        this.store = store;
        this.clock = clock;
        this.credentials = credentials;
    }

    /**
     * A session for one CPE connection.
     *
     * @param authenticatedIdentity the client certificate's CN or a SAN, or the HTTP user; null if none. When given,
     *                              it must equal the Inform's {@code OUI-ProductClass-SerialNumber} or its
     *                              SerialNumber, else the session is refused (IDENTITY_MISMATCH → HTTP 403)
     */
    public AcsSession newSession(String authenticatedIdentity) {
        return new AcsSession(this, authenticatedIdentity);
    }

    /** Queues an RPC for a device's next session; returns the task id. */
    public String enqueue(String deviceId, CwmpRequest rpc) {
        String id = UUID.randomUUID().toString();
        synchronized (lockOf(deviceId)) {
            DeviceRecord r = load(deviceId).orElse(DeviceRecord.unknown(deviceId));
            save(r.withTask(new Task(id, rpc, clock.instant())));
        }
        return id;
    }

    /** The answers recorded for a device, oldest first. */
    public List<TaskResult> results(String deviceId) {
        synchronized (lockOf(deviceId)) {
            return load(deviceId).map(DeviceRecord::results).orElse(List.of());
        }
    }

    /** What the ACS knows of a device (incl. the ConnectionRequestURL/Username/Password learnt). */
    public Optional<DeviceRecord> device(String deviceId) {
        synchronized (lockOf(deviceId)) {
            return load(deviceId);
        }
    }

    /** Every device the ACS knows, by id. */
    public List<DeviceRecord> devices() {
        List<DeviceRecord> all = new ArrayList<>();
        try {
            for (String id : store.deviceIds()) {
                store.load(id).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /**
     * Waits (at most {@code timeout}) until the device answered task {@code taskId}; returns the first result
     * recorded for it, or empty when the time ran out.
     */
    public synchronized Optional<TaskResult> awaitResult(String deviceId, String taskId, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<TaskResult> result = results(deviceId).stream().filter(r -> r.taskId().equals(taskId)).findFirst();
            long left = deadline - System.nanoTime();
            if (result.isPresent() || left <= 0) {
                return result;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The store. */
    public DeviceStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    // ---- called by AcsSession ----

    void recordInform(String deviceId, Inform inform, String namespace) {
        synchronized (lockOf(deviceId)) {
            DeviceRecord r = load(deviceId).orElse(DeviceRecord.unknown(deviceId)).withInform(inform, namespace,
                    clock.instant());
            if (credentials != null && needsConnectionRequestCredentials(r, inform)) {
                String taskId = ConnectionRequestCredentials.TASK_PREFIX + UUID.randomUUID();
                r = r.withTaskFirst(new Task(taskId, credentials.newCredentials(r.root()), clock.instant()));
            }
            save(r);
        }
    }

    /**
     * A device needs credentials of its own when it bootstraps (its first session, or a factory reset lost
     * them), or when we never set any; unless such a task is already queued, or (no bootstrap) the device
     * refused one before: then an operator must look, the ACS does not retry in every session.
     */
    private static boolean needsConnectionRequestCredentials(DeviceRecord r, Inform inform) {
        if (r.pendingTasks().stream().anyMatch(t -> ConnectionRequestCredentials.isCredentialsTask(t.taskId()))) {
            return false;
        }
        boolean bootstrap = inform.events().stream().map(EventStruct::eventCode).anyMatch("0 BOOTSTRAP"::equals);
        if (bootstrap) {
            return true;
        }
        boolean refusedBefore = r.results().stream()
                .anyMatch(res -> ConnectionRequestCredentials.isCredentialsTask(res.taskId()) && res.isFault());
        return r.connectionRequestPassword().filter(p -> !p.isEmpty()).isEmpty() && !refusedBefore;
    }

    Optional<Task> nextTask(String deviceId) {
        synchronized (lockOf(deviceId)) {
            return load(deviceId).flatMap(r -> r.pendingTasks().stream().findFirst());
        }
    }

    /**
     * The CPE answered a task: record it, and learn the values a GPV returned or a successful SPV set. Returns
     * false, recording nothing, when the task is no longer queued: another session of the device answered it.
     */
    boolean recordAnswer(String deviceId, Task task, CwmpMessage answer) {
        synchronized (lockOf(deviceId)) {
            DeviceRecord r = load(deviceId).orElse(DeviceRecord.unknown(deviceId));
            if (r.pendingTasks().stream().noneMatch(t -> t.taskId().equals(task.taskId()))) {
                return false; // each task is recorded once
            }
            if (answer instanceof GetParameterValuesResponse g) {
                r = r.withLearnt(g.parameterList());
            } else if (answer instanceof SetParameterValuesResponse && task.request() instanceof SetParameterValues s) {
                r = r.withLearnt(s.parameterList());
            }
            save(r.withResult(new TaskResult(task.taskId(), task.request(), answer, clock.instant()), true));
        }
        resultRecorded();
        return true;
    }

    /** A TransferComplete: a second result for the Download task with that CommandKey (or an orphan result). */
    void recordTransferComplete(String deviceId, TransferComplete tc) {
        synchronized (lockOf(deviceId)) {
            DeviceRecord r = load(deviceId).orElse(DeviceRecord.unknown(deviceId));
            TaskResult download = null;
            for (TaskResult res : r.results()) {
                if (res.request() instanceof Download d && d.commandKey().equals(tc.commandKey())
                        && !(res.response() instanceof CwmpFault)) {
                    download = res;
                }
            }
            String taskId = download != null ? download.taskId() : "transfer-" + tc.commandKey();
            CwmpRequest request = download != null ? download.request()
                    : new Download(tc.commandKey(), "", "", "", "", 0, "", 0, "", "");
            save(r.withResult(new TaskResult(taskId, request, tc, clock.instant()), false));
        }
        resultRecorded();
    }

    /** Wakes the operators waiting in {@link #awaitResult} (they wait on this engine, not on a device). */
    private synchronized void resultRecorded() {
        notifyAll();
    }

    /** The lock under which one device's record is read, changed and saved. */
    private Object lockOf(String deviceId) {
        return deviceLocks.computeIfAbsent(deviceId, id -> new Object());
    }

    private Optional<DeviceRecord> load(String deviceId) {
        try {
            return store.load(deviceId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(DeviceRecord r) {
        try {
            store.save(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
