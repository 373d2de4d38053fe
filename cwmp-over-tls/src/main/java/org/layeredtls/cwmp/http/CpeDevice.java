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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        String root = agent.model().root();
        DataModel model = agent.model();
        this.connectionRequests = ConnectionRequestServer.start(crAddress, crPort, "/cwmp-cr",
                () -> new ConnectionRequestServer.Credentials(model.valueOf("ManagementServer.ConnectionRequestUsername"),
                        model.valueOf("ManagementServer.ConnectionRequestPassword")),
                this::onConnectionRequest, random, clock);
        model.setLocal(root + "ManagementServer.URL", client.acsUrl().toString());
        model.setLocal(root + "ManagementServer.ConnectionRequestURL", connectionRequests.url().toString());
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
            }
        }
        return !agent.hasPendingEvents();
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
