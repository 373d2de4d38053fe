package org.layeredtls.cwmp.cpe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.layeredtls.cwmp.model.DataModel;
import org.layeredtls.cwmp.model.DeviceStatus;
import org.layeredtls.cwmp.model.ModelFile;
import org.layeredtls.cwmp.model.StateFile;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.EventStruct;
import org.layeredtls.cwmp.rpc.FaultCode;
import org.layeredtls.cwmp.rpc.FaultStruct;
import org.layeredtls.cwmp.rpc.TransferComplete;

/**
 * A CPE: its data model, its persistent event queue, the outcome of its transfers, and the sessions it opens.
 * Events are kept until an InformResponse arrives ("7 TRANSFER COMPLETE" and "M Download" until the
 * TransferCompleteResponse, TR-069 §3.7.1.5). The state file (data model + agent records, see
 * {@link ModelFile}) is rewritten atomically after every change, so values the ACS set survive a restart and a
 * Reboot. Thread-safe: a connection request may add an event while a session runs.
 */
public final class CpeAgent {
    /** Events that occur at most once in an Inform (TR-069 Table 7: "single" events). */
    private static final List<String> CUMULATIVE_PREFIX = List.of("M ");

    private final DataModel model;
    private final Path stateFile;
    private final Clock clock;
    private final CpeActions actions;
    private final RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private final SplittableRandom random = new SplittableRandom();

    private final List<EventStruct> events = new ArrayList<>();
    private final List<TransferComplete> pendingTransfers = new ArrayList<>();
    private String bootstrappedUrl;   // ManagementServer.URL at the last delivered BOOTSTRAP, null before
    private int retryCount;
    private CpeSession lastSession;
    private final Instant started;

    /**
     * Starts the CPE: restores the state file when it exists (see {@link DataModel#restoreSaved}: the saved values
     * win, except the device's description of itself), then queues "1 BOOT", and "0 BOOTSTRAP" when no ACS has been
     * contacted yet.
     *
     * @param stateFile where model and events persist, or null to keep everything in memory
     */
    public CpeAgent(DataModel model, Path stateFile, Clock clock, CpeActions actions) {
        this.model = model;
        this.stateFile = stateFile;
        this.clock = clock;
        this.actions = actions;
        this.started = clock.instant();
        if (stateFile != null && Files.exists(stateFile)) {
            restore();
        }
        model.onActiveValueChange(() -> addEvent("4 VALUE CHANGE", ""));
        addEvent("1 BOOT", "");
    }

    /** Queues an event, e.g. {@code addEvent("6 CONNECTION REQUEST", "")}; single events are not duplicated. */
    public synchronized void addEvent(String eventCode, String commandKey) {
        EventStruct e = new EventStruct(eventCode, commandKey == null ? "" : commandKey);
        boolean multiple = CUMULATIVE_PREFIX.stream().anyMatch(eventCode::startsWith);
        if (multiple ? !events.contains(e) : events.stream().noneMatch(x -> x.eventCode().equals(eventCode))) {
            events.add(eventCode.equals("0 BOOTSTRAP") ? 0 : events.size(), e); // BOOTSTRAP reads best first
        }
        save();
    }

    /**
     * Opens a session: the Inform carries all pending events (plus "0 BOOTSTRAP" when the ACS URL changed since
     * the last bootstrap) and the RetryCount of consecutive failed sessions.
     */
    public synchronized CpeSession openSession() {
        if (lastSession != null && !lastSession.informAcknowledged()) {
            retryCount++;
        }
        String url = model.valueOf("ManagementServer.URL");
        if (bootstrappedUrl == null || !bootstrappedUrl.equals(url)) {
            addEvent("0 BOOTSTRAP", "");
        }
        DeviceStatus.sample(model, Duration.between(started, clock.instant())); // UpTime, memory, CPU as of now
        lastSession = new CpeSession(this, List.copyOf(events), retryCount);
        return lastSession;
    }

    /**
     * A setting made on the device itself (its operator's command line, not the ACS), e.g. the
     * Connection Request credentials: written over the saved value and persisted at once. The ACS may
     * change it again later with SetParameterValues.
     *
     * @param relativeName the name under the root, e.g. {@code ManagementServer.ConnectionRequestUsername}
     * @throws IllegalArgumentException for an unknown parameter or a value not of its type
     */
    public synchronized void configure(String relativeName, String value) {
        model.setLocal(model.root() + relativeName, value);
        save();
    }

    /** The data model. */
    public DataModel model() {
        return model;
    }

    /** True when an event (or a TransferComplete) waits for delivery: the transport should open a session. */
    public synchronized boolean hasPendingEvents() {
        return !events.isEmpty() || !pendingTransfers.isEmpty();
    }

    /** TR-069 §3.2.1.1 back-off before the next attempt after {@code retryCount} consecutive failures. */
    public Duration retryDelay(int retryCount) {
        synchronized (random) {
            return retryPolicy.delay(retryCount, random);
        }
    }

    /** Consecutive failed sessions, as the next Inform's RetryCount will carry. */
    public synchronized int retryCount() {
        return retryCount;
    }

    /** The transport could not even complete a session (no connection, TLS failure): count a retry. */
    public synchronized void sessionFailed() {
        retryCount++;
        lastSession = null;
    }

    /** The pending events, for the demo's display. */
    public synchronized List<EventStruct> pendingEvents() {
        return List.copyOf(events);
    }

    // ---- called by CpeSession ----

    /** The time, to the second: some ACSs choke on fractional seconds in xsd:dateTime. */
    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    synchronized List<TransferComplete> pendingTransfers() {
        return List.copyOf(pendingTransfers);
    }

    /** An InformResponse arrived: the Inform's events are delivered, except those tied to TransferComplete. */
    synchronized void informDelivered(List<EventStruct> sent, List<String> reportedParameters) {
        for (EventStruct e : sent) {
            if (e.eventCode().equals("0 BOOTSTRAP")) {
                bootstrappedUrl = model.valueOf("ManagementServer.URL");
            }
            if (!e.eventCode().equals("7 TRANSFER COMPLETE") && !e.eventCode().equals("M Download")) {
                events.remove(e);
            }
        }
        model.clearValueChanges(reportedParameters);
        retryCount = 0;
        save();
    }

    /** A TransferCompleteResponse arrived for this TransferComplete. */
    synchronized void transferDelivered(TransferComplete tc) {
        pendingTransfers.remove(tc);
        events.remove(new EventStruct("M Download", tc.commandKey()));
        if (pendingTransfers.isEmpty()) {
            events.removeIf(e -> e.eventCode().equals("7 TRANSFER COMPLETE"));
        }
        save();
    }

    /** The session is over: run the Downloads it received, then the Reboot (TR-069 §A.3.2.8, §A.3.2.9). */
    void sessionEnded(List<Download> downloads, String rebootCommandKey) {
        for (Download d : downloads) {
            Instant start = now();
            FaultStruct fault = FaultStruct.NONE;
            try {
                FetchResult r = actions.download(d.url(), d.username(), d.password(), d.fileSize());
                if (d.fileSize() > 0 && r.content().length != d.fileSize()) {
                    fault = new FaultStruct(FaultCode.DOWNLOAD_FAILURE.code(),
                            "expected " + d.fileSize() + " bytes, got " + r.content().length);
                }
            } catch (IOException | RuntimeException e) {
                fault = new FaultStruct(FaultCode.DOWNLOAD_FAILURE.code(), "Download failure: " + e.getMessage());
            }
            synchronized (this) {
                pendingTransfers.add(new TransferComplete(d.commandKey(), fault, start, now()));
                addEvent("7 TRANSFER COMPLETE", "");
                addEvent("M Download", d.commandKey());
            }
        }
        if (rebootCommandKey != null) {
            actions.reboot();
            synchronized (this) {
                if (stateFile != null && Files.exists(stateFile)) {
                    restore(); // a reboot starts from what was saved: values set by the ACS persist
                }
                addEvent("M Reboot", rebootCommandKey);
                addEvent("1 BOOT", "");
            }
        }
    }

    /** Persists model and agent records (no-op in memory). */
    synchronized void save() {
        if (stateFile == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("# LayeredTLS CWMP CPE state (format 1): data model records, then agent records");
        lines.addAll(model.toLines());
        if (bootstrappedUrl != null) {
            lines.add(StateFile.line("bootstrapped", bootstrappedUrl));
        }
        for (EventStruct e : events) {
            lines.add(StateFile.line("event", e.eventCode(), e.commandKey()));
        }
        for (TransferComplete t : pendingTransfers) {
            lines.add(StateFile.line("transfer", t.commandKey(), Integer.toString(t.faultStruct().faultCode()),
                    t.faultStruct().faultString(), t.startTime().toString(), t.completeTime().toString()));
        }
        try {
            StateFile.writeAtomically(stateFile, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CPE state " + stateFile, e);
        }
    }

    private void restore() {
        List<String> lines;
        try {
            lines = StateFile.read(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CPE state " + stateFile, e);
        }
        model.restoreSaved(DataModel.fromLines(lines));
        events.clear();
        pendingTransfers.clear();
        bootstrappedUrl = null;
        for (String l : lines) {
            List<String> f = StateFile.fields(l);
            switch (f.get(0)) {
                case "bootstrapped" -> bootstrappedUrl = f.get(1);
                case "event" -> events.add(new EventStruct(f.get(1), f.get(2)));
                case "transfer" -> pendingTransfers.add(new TransferComplete(f.get(1),
                        new FaultStruct(Integer.parseInt(f.get(2)), f.get(3)), Instant.parse(f.get(4)),
                        Instant.parse(f.get(5))));
                default -> { } // model records
            }
        }
    }
}
