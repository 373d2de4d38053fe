package org.layeredtls.cwmp.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

import org.layeredtls.cwmp.cpe.CpeSession;
import org.layeredtls.cwmp.soap.CwmpException;

/**
 * A device of the load test that misbehaves once ({@link Fault}): it speaks CWMP with the real CPE's
 * session logic (so its Inform and answers are right, and a task it receives is applied to its data
 * model as a real CPE would), over a {@link RawCwmpConnection}, and breaks the session at the chosen
 * point. Returns once its connection is over; fails when the ACS did not end a stalled or garbage
 * connection within {@code closeBound}.
 */
final class FaultyCpe {

    private final SimulatedDevice device;
    private final Fault fault;
    private final int acsPort;

    FaultyCpe(SimulatedDevice device, Fault fault, int acsPort) {
        this.device = device;
        this.fault = fault;
        this.acsPort = acsPort;
    }

    SimulatedDevice device() {
        return device;
    }

    Fault fault() {
        return fault;
    }

    /** Misbehaves; returns whether the ACS ended the connection in time when that is the ACS's job. */
    boolean run(Duration closeBound) throws IOException, CwmpException {
        if (fault == Fault.GARBAGE_INSTEAD_OF_TLS) {
            try (RawCwmpConnection c = RawCwmpConnection.tcp(acsPort)) {
                c.sendRaw(garbage(512, true));
                return c.awaitClosedByServer(closeBound);
            }
        }
        RawCwmpConnection c = RawCwmpConnection.tls(acsPort, device.tls());
        try {
            switch (fault) {
                case RESET_AFTER_HANDSHAKE -> c.reset();
                case STALL_SILENT -> {
                    return c.awaitClosedByServer(closeBound);
                }
                case GARBAGE_INSTEAD_OF_HTTP -> {
                    c.sendRaw(garbage(512, false));
                    return c.awaitClosedByServer(closeBound);
                }
                case STALL_MID_SOAP -> {
                    byte[] inform = device.agent().openSession().firstRequest();
                    c.postPart(inform, inform.length / 2);
                    return c.awaitClosedByServer(closeBound);
                }
                default -> {
                    return inSession(c, closeBound);
                }
            }
            return true;
        } finally {
            c.close();
        }
    }

    /** The faults that happen after the Inform was answered. */
    private boolean inSession(RawCwmpConnection c, Duration closeBound) throws IOException, CwmpException {
        CpeSession session = device.agent().openSession();
        RawCwmpConnection.Response informResponse = c.post(session.firstRequest());
        byte[] next = session.onResponse(informResponse.status(), informResponse.body()); // the empty POST
        switch (fault) {
            case RESET_AFTER_INFORM -> {
                c.reset();
                return true;
            }
            case GARBAGE_INSTEAD_OF_SOAP -> {
                RawCwmpConnection.Response refused = c.post("<soap-env:Envelope><<not xml".getBytes(StandardCharsets.UTF_8));
                if (refused.status() < 400) {
                    throw new IOException("the ACS accepted a body that is not XML: " + refused.status());
                }
                return true;
            }
            default -> { }
        }
        RawCwmpConnection.Response task = c.post(next);
        if (task.status() != 200 || task.body().length == 0) {
            throw new IOException("expected a queued task, got HTTP " + task.status());
        }
        switch (fault) {
            case RESET_HOLDING_TASK -> {
                session.onResponse(task.status(), task.body()); // applied on the CPE, never answered
                c.reset();
                return true;
            }
            case RESET_MID_ANSWER -> {
                byte[] answer = session.onResponse(task.status(), task.body());
                c.postPart(answer, answer.length / 2);
                c.reset();
                return true;
            }
            case STALL_HOLDING_TASK -> {
                return c.awaitClosedByServer(closeBound);
            }
            default -> throw new IllegalStateException("not an in-session fault: " + fault);
        }
    }

    /** Random bytes; {@code notTls}: the first is no TLS content type nor an SSL 2.0 header (0x00-0x0F). */
    private byte[] garbage(int length, boolean notTls) {
        byte[] bytes = new byte[length];
        SplittableRandom random = new SplittableRandom(device.id().hashCode());
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        if (notTls) {
            bytes[0] = (byte) (bytes[0] & 0x0F);
        }
        return bytes;
    }
}
