package org.layeredtls.cwmp.admin;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.DeviceRecord;
import org.layeredtls.cwmp.http.ConnectionRequester;

/**
 * Wakes a device (TR-069 §3.2.2): a Connection Request to the ConnectionRequestURL the device informed,
 * with the ConnectionRequestUsername/Password the ACS set on it (HTTP Digest), so that the device opens a
 * session with {@code 6 CONNECTION REQUEST} and runs its queued tasks now rather than at its next periodic
 * Inform.
 */
public final class ConnectionRequestSender {

    /**
     * What happened: sent (with the CPE's HTTP status), or not sent and why.
     *
     * @param url        the ConnectionRequestURL used, or null when none is known
     * @param httpStatus the CPE's final status (200/204 accepted, 401 refused, 503 busy), or 0 when not sent
     * @param error      why it was not sent or failed, or null
     */
    public record Outcome(String url, int httpStatus, String error) {
        /** Whether the CPE accepted the request (a session follows). */
        public boolean accepted() {
            return httpStatus == 200 || httpStatus == 204;
        }
    }

    private final AcsEngine engine;
    private final ConnectionRequester requester;
    private final Consumer<String> log;

    public ConnectionRequestSender(AcsEngine engine, ConnectionRequester requester, Consumer<String> log) {
        this.engine = engine;
        this.requester = requester;
        this.log = log == null ? s -> { } : log;
    }

    /** Sends a Connection Request to the device now (bounded by the requester's timeout). */
    public Outcome send(String deviceId) {
        Optional<DeviceRecord> device = engine.device(deviceId);
        Optional<String> url = device.flatMap(DeviceRecord::connectionRequestUrl);
        if (url.isEmpty()) {
            return new Outcome(null, 0, "no ConnectionRequestURL known for " + deviceId
                    + " (the task runs in the device's next session)");
        }
        String username = device.get().connectionRequestUsername().orElse("");
        String password = device.get().connectionRequestPassword().orElse("");
        Outcome outcome;
        try {
            outcome = new Outcome(url.get(), requester.send(URI.create(url.get()), username, password), null);
        } catch (IOException | IllegalArgumentException e) {
            outcome = new Outcome(url.get(), 0, String.valueOf(e.getMessage()));
        }
        log.accept("Connection Request to " + deviceId + " at " + url.get() + ": "
                + (outcome.error() == null ? "HTTP " + outcome.httpStatus() : "failed, " + outcome.error()));
        return outcome;
    }
}
