package org.layeredtls.cwmp.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.layeredtls.crypto.RandomSource;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.cpe.CpeSession;
import org.layeredtls.cwmp.model.DataModel;

/**
 * A running CPE: the CWMP agent, its HTTPS client to the ACS, and its Connection Request
 * listener. Sessions run one at a time on one thread (a Connection Request never aborts a running
 * session); after a session the device runs another while events are pending (TransferComplete
 * after a Download), and retries a failed session after the agent's back-off delay, capped by
 * {@code maxRetryDelay} and {@code maxAttempts}. Connection Requests that arrive before their
 * session starts are merged into one; more than {@code maxRequestsPerMinute} get 503.
 *
 * <p>Periodic Inform (TR-069 §3.2.1): while {@code ManagementServer.PeriodicInformEnable} is true
 * the device opens a session with "2 PERIODIC" every {@code PeriodicInformInterval} seconds, aligned
 * on {@code PeriodicInformTime} when the model has one that is set. The values are read again after
 * every session (the ACS may have changed them). A tick during a session does not touch it: it
 * queues one session after it, and further ticks before that one starts are merged into it.
 */
public final class CpeDevice implements Closeable {

    private final CpeAgent agent;
    private final CpeClient client;
    private final ConnectionRequestServer connectionRequests;
    private final Consumer<String> log;
    private final Duration maxRetryDelay;
    private final int maxAttempts;
    private final int maxRequestsPerMinute;
    private final Clock clock;
    private final ExecutorService worker;
    private final AtomicBoolean connectionRequestPending = new AtomicBoolean();
    private final AtomicBoolean periodicPending = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private final Object periodicLock = new Object();
    private PeriodicSchedule periodic; // guarded by periodicLock
    private ScheduledFuture<?> periodicTask; // guarded by periodicLock
    private Instant nextPeriodicInform; // guarded by periodicLock
    private final AtomicInteger periodicTicks = new AtomicInteger();
    private final Deque<Instant> acceptedRequests = new ArrayDeque<>();
    private final AtomicInteger sessionsCompleted = new AtomicInteger();
    private final List<String> sessionLogs = new CopyOnWriteArrayList<>();
    private volatile Exception lastFailure;

    private CpeDevice(CpeAgent agent, CpeClient client, InetAddress crAddress, int crPort, RandomSource random,
                      Clock clock, Consumer<String> log, Duration maxRetryDelay, int maxAttempts,
                      int maxRequestsPerMinute) throws IOException {
        this.agent = agent;
        this.client = client;
        this.clock = clock;
        this.log = log == null ? s -> { } : log;
        this.maxRetryDelay = maxRetryDelay;
        this.maxAttempts = maxAttempts;
        this.maxRequestsPerMinute = maxRequestsPerMinute;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cpe-sessions");
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cpe-periodic-inform");
            t.setDaemon(true);
            return t;
        });
        String root = agent.model().root();
        DataModel model = agent.model();
        this.connectionRequests = ConnectionRequestServer.start(crAddress, crPort, "/cwmp-cr",
                () -> new ConnectionRequestServer.Credentials(model.valueOf("ManagementServer.ConnectionRequestUsername"),
                        model.valueOf("ManagementServer.ConnectionRequestPassword")),
                this::onConnectionRequest, random, clock);
        model.setLocal(root + "ManagementServer.URL", client.acsUrl().toString());
        model.setLocal(root + "ManagementServer.ConnectionRequestURL", connectionRequests.url().toString());
        reschedulePeriodicInform();
    }

    /**
     * Starts the device: the Connection Request listener on {@code crAddress:crPort} (0 = ephemeral),
     * whose URL goes into the model with the ACS URL. No session runs until {@link #runSessions()}
     * or a Connection Request.
     */
    public static CpeDevice start(CpeAgent agent, CpeClient client, InetAddress crAddress, int crPort,
                                  RandomSource random, Clock clock, Consumer<String> log, Duration maxRetryDelay,
                                  int maxAttempts) throws IOException {
        return new CpeDevice(agent, client, crAddress, crPort, random, clock, log, maxRetryDelay, maxAttempts, 10);
    }

    public CpeAgent agent() {
        return agent;
    }

    public CpeClient client() {
        return client;
    }

    public URI connectionRequestUrl() {
        return connectionRequests.url();
    }

    /** Sessions that ran to their end (204). */
    public int sessionsCompleted() {
        return sessionsCompleted.get();
    }

    /** The CWMP log of every session, in order. */
    public List<String> sessionLogs() {
        return List.copyOf(sessionLogs);
    }

    /** Queues sessions until no event is pending (or attempts run out); the future completes with the outcome. */
    public Future<Boolean> requestSessions() {
        return worker.submit(this::sessionsUntilIdle);
    }

    /** Runs exactly one session on the session thread and waits for it (bounded); true when it reached its end. */
    public boolean runOneSession(Duration timeout) throws IOException {
        try {
            return worker.submit(() -> {
                CpeSession session = agent.openSession();
                try {
                    client.run(new Exchange(session));
                    sessionsCompleted.incrementAndGet();
                    return true;
                } catch (IOException | CpeClient.SessionFailedException e) {
                    if (!session.informAcknowledged()) {
                        agent.sessionFailed();
                    }
                    log.accept("CPE: session failed: " + e.getMessage());
                    lastFailure = e;
                    return false;
                } finally {
                    sessionLogs.addAll(session.log());
                    reschedulePeriodicInform();
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the session did not complete: " + e, e);
        }
    }

    /** Why the last session failed (null if none failed). */
    public Exception lastFailure() {
        return lastFailure;
    }

    /** Runs sessions now, on the session thread, and waits for them (bounded). */
    public boolean runSessions(Duration timeout) throws IOException {
        try {
            return requestSessions().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("sessions did not complete: " + e, e);
        }
    }

    /** Waits until the session thread has run everything queued so far. */
    public void awaitIdle(Duration timeout) throws IOException {
        try {
            worker.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the CPE did not become idle: " + e, e);
        }
    }

    private boolean onConnectionRequest() {
        synchronized (acceptedRequests) {
            Instant now = clock.instant();
            while (!acceptedRequests.isEmpty() && acceptedRequests.peekFirst().isBefore(now.minusSeconds(60))) {
                acceptedRequests.removeFirst();
            }
            if (acceptedRequests.size() >= maxRequestsPerMinute) {
                log.accept("CPE: Connection Request refused (rate limit), 503");
                return false;
            }
            acceptedRequests.addLast(now);
        }
        if (connectionRequestPending.compareAndSet(false, true)) { // several before the session: one session
            log.accept("CPE: Connection Request accepted: a session with 6 CONNECTION REQUEST follows");
            worker.execute(() -> {
                connectionRequestPending.set(false);
                agent.addEvent("6 CONNECTION REQUEST", "");
                sessionsUntilIdle();
            });
        } else {
            log.accept("CPE: Connection Request merged into the pending one");
        }
        return true;
    }

    private boolean sessionsUntilIdle() {
        int attempts = 0;
        int sessions = 0;
        while (agent.hasPendingEvents() && attempts < maxAttempts && sessions < 16) {
            CpeSession session = agent.openSession();
            try {
                client.run(new Exchange(session));
                sessions++;
                sessionsCompleted.incrementAndGet();
                attempts = 0;
            } catch (IOException | CpeClient.SessionFailedException e) {
                attempts++;
                lastFailure = e;
                if (!session.informAcknowledged()) {
                    agent.sessionFailed();
                }
                log.accept("CPE: session failed: " + e.getMessage());
                if (attempts >= maxAttempts) {
                    break;
                }
                Duration delay = agent.retryDelay(agent.retryCount());
                if (delay.compareTo(maxRetryDelay) > 0) {
                    delay = maxRetryDelay;
                }
                try {
                    Thread.sleep(delay.toMillis()); // TR-069 §3.2.1.1: back off before the retry
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            } finally {
                sessionLogs.addAll(session.log());
                reschedulePeriodicInform(); // the ACS may have changed PeriodicInform* in this session
            }
        }
        return !agent.hasPendingEvents();
    }

    // ------------------------------------------------------------------ periodic Inform (TR-069 §3.2.1)

    /** When the next periodic Inform is due, or empty when PeriodicInformEnable is false. */
    public Optional<Instant> nextPeriodicInform() {
        synchronized (periodicLock) {
            return Optional.ofNullable(nextPeriodicInform);
        }
    }

    /** How many periodic Informs came due so far (merged ones included). */
    public int periodicInformsDue() {
        return periodicTicks.get();
    }

    /** The PeriodicInform* values a schedule was made from. */
    private record PeriodicSchedule(boolean enabled, long intervalSeconds, Instant referenceTime) {
    }

    private PeriodicSchedule readPeriodicSchedule() {
        DataModel model = agent.model();
        String root = model.root();
        String enable = model.value(root + "ManagementServer.PeriodicInformEnable").orElse("false").trim();
        boolean enabled = enable.equals("true") || enable.equals("1"); // xsd:boolean
        long interval;
        try {
            interval = Long.parseLong(model.value(root + "ManagementServer.PeriodicInformInterval").orElse("0").trim());
        } catch (NumberFormatException e) {
            interval = 0;
        }
        Instant reference = null;
        String time = model.value(root + "ManagementServer.PeriodicInformTime").orElse("").trim();
        if (!time.isEmpty() && !time.startsWith("0001-01-01")) { // TR-069: the unknown time means "no alignment"
            try {
                reference = java.time.OffsetDateTime.parse(time).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                reference = null;
            }
        }
        return new PeriodicSchedule(enabled && interval > 0, interval, reference);
    }

    /** Schedules the next periodic Inform again if the PeriodicInform* values changed. */
    private void reschedulePeriodicInform() {
        PeriodicSchedule now = readPeriodicSchedule();
        synchronized (periodicLock) {
            if (now.equals(periodic) && (periodicTask != null || !now.enabled())) {
                return;
            }
            periodic = now;
            scheduleNextPeriodicInform();
        }
    }

    /** Guarded by periodicLock. */
    private void scheduleNextPeriodicInform() {
        if (periodicTask != null) {
            periodicTask.cancel(false);
            periodicTask = null;
        }
        nextPeriodicInform = null;
        if (!periodic.enabled() || timer.isShutdown()) {
            return;
        }
        Instant now = clock.instant();
        Duration interval = Duration.ofSeconds(periodic.intervalSeconds());
        Instant next;
        if (periodic.referenceTime() != null) { // TR-069 §3.2.1: Informs at PeriodicInformTime + k * interval
            long elapsed = Duration.between(periodic.referenceTime(), now).getSeconds();
            long k = Math.floorDiv(elapsed, periodic.intervalSeconds()) + 1;
            next = periodic.referenceTime().plusSeconds(k * periodic.intervalSeconds());
        } else {
            next = now.plus(interval);
        }
        nextPeriodicInform = next;
        long delayMillis = Math.max(0, Duration.between(now, next).toMillis());
        periodicTask = timer.schedule(this::periodicTick, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void periodicTick() {
        synchronized (periodicLock) {
            periodicTask = null;
            periodic = readPeriodicSchedule();
            scheduleNextPeriodicInform();
        }
        periodicInformDue();
    }

    /**
     * A periodic Inform is due: one session with "2 PERIODIC" follows on the session thread. A
     * running session is not disturbed; ticks before that session starts are merged into it.
     */
    void periodicInformDue() {
        periodicTicks.incrementAndGet();
        if (periodicPending.compareAndSet(false, true)) {
            log.accept("CPE: periodic Inform due: a session with 2 PERIODIC follows");
            try {
                worker.execute(() -> {
                    periodicPending.set(false);
                    agent.addEvent("2 PERIODIC", "");
                    sessionsUntilIdle();
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                periodicPending.set(false);
            }
        } else {
            log.accept("CPE: periodic Inform merged into the pending one");
        }
    }

    /** For tests: runs {@code task} on the session thread (sessions queued after it wait for it). */
    Future<?> onSessionThread(Runnable task) {
        return worker.submit(task);
    }

    /** A CpeSession as the HTTP client drives it. */
    private record Exchange(CpeSession session) implements CpeExchange {
        @Override
        public byte[] firstRequest() {
            return session.firstRequest();
        }

        @Override
        public byte[] onResponse(int httpStatus, byte[] body) throws Exception {
            return session.onResponse(httpStatus, body);
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        try {
            connectionRequests.close();
        } finally {
            worker.shutdownNow();
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
