package org.layeredtls.cwmp.acs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.CwmpResponse;
import org.layeredtls.cwmp.rpc.FaultCode;
import org.layeredtls.cwmp.rpc.GetRPCMethods;
import org.layeredtls.cwmp.rpc.GetRPCMethodsResponse;
import org.layeredtls.cwmp.rpc.Inform;
import org.layeredtls.cwmp.rpc.InformResponse;
import org.layeredtls.cwmp.rpc.MessageSummary;
import org.layeredtls.cwmp.rpc.Rpc;
import org.layeredtls.cwmp.rpc.TransferComplete;
import org.layeredtls.cwmp.rpc.TransferCompleteResponse;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.SoapEnvelope;

/**
 * One CWMP session seen from the ACS (TR-069 §3.7.2): the Inform (identity checked against the authenticated
 * one), the CPE's own requests (TransferComplete, GetRPCMethods; others fault 8000), then after the empty POST
 * the queued tasks one at a time, each answer recorded, and 204 when the queue is empty.
 */
public final class AcsSession {
    /** The methods this ACS answers. */
    static final List<String> METHODS = List.of("Inform", "GetRPCMethods", "TransferComplete");

    private enum State { AWAITING_INFORM, CPE_TURN, TASK_SENT, OVER }

    private final AcsEngine engine;
    private final String authenticatedIdentity;
    private final List<String> log = new ArrayList<>();
    private State state = State.AWAITING_INFORM;
    private String deviceId;
    private String namespace = Namespaces.CWMP_1_0;
    private Task inFlight;
    private int nextId = 1;

    AcsSession(AcsEngine engine, String authenticatedIdentity) {
        this.engine = engine;
        this.authenticatedIdentity = authenticatedIdentity;
    }

    /** One POST from the CPE: returns the response body to send with 200, or null for 204 No Content (session over). */
    public byte[] onPost(byte[] body) throws CwmpException {
        if (state == State.OVER) {
            throw new CwmpException(CwmpException.Kind.PROTOCOL, "session is over");
        }
        if (body == null || body.length == 0) {
            return onEmptyPost();
        }
        SoapEnvelope env;
        try {
            env = SoapEnvelope.decode(body);
        } catch (CwmpException e) {
            state = State.OVER;
            log.add("CPE -> ACS  unreadable: " + e.getMessage());
            throw e;
        }
        if (env.body() == null) {
            return onEmptyPost(); // an envelope with an empty Body counts as an empty POST
        }
        CwmpMessage msg;
        try {
            msg = Rpc.decode(env.body());
        } catch (CwmpException e) {
            log.add("CPE -> ACS  " + env.body().name() + " (" + e.getMessage() + ")");
            FaultCode code = e.kind() == CwmpException.Kind.METHOD_NOT_SUPPORTED && state != State.AWAITING_INFORM
                    ? FaultCode.ACS_METHOD_NOT_SUPPORTED : FaultCode.ACS_INVALID_ARGUMENTS;
            if (state == State.AWAITING_INFORM) {
                state = State.OVER;
            }
            return reply(env, CwmpFault.of(code, e.getMessage()));
        }
        log.add("CPE -> ACS  " + MessageSummary.of(msg));
        if (msg instanceof Inform inform) {
            return onInform(env, inform); // every Inform starts a new session, even mid-session
        }
        if (state == State.AWAITING_INFORM) {
            // Documented choice: a session must open with an Inform (TR-069 §3.7.1.1); anything else is 8003.
            state = State.OVER;
            return reply(env, CwmpFault.of(FaultCode.ACS_INVALID_ARGUMENTS, "the first message must be an Inform"));
        }
        if (state == State.TASK_SENT && (msg instanceof CwmpResponse || msg instanceof CwmpFault)) {
            if (!engine.recordAnswer(deviceId, inFlight, msg)) {
                log.add("ACS: " + inFlight.request().methodName() + " was answered in another session: not recorded again");
            }
            inFlight = null;
            return sendNextTask();
        }
        if (msg instanceof TransferComplete tc) {
            engine.recordTransferComplete(deviceId, tc);
            return reply(env, new TransferCompleteResponse());
        }
        if (msg instanceof GetRPCMethods) {
            return reply(env, new GetRPCMethodsResponse(METHODS));
        }
        return reply(env, CwmpFault.of(FaultCode.ACS_METHOD_NOT_SUPPORTED, msg.methodName()));
    }

    private byte[] onInform(SoapEnvelope env, Inform inform) throws CwmpException {
        String claimed = inform.deviceId().identity();
        // The certificate (or HTTP user) must name this device: OUI-ProductClass-SerialNumber, or the
        // shorter OUI-SerialNumber some CPE certificates carry. A bare serial number is not enough: it
        // would let any certificate with that CN speak for a device of another manufacturer.
        String shortIdentity = inform.deviceId().oui() + "-" + inform.deviceId().serialNumber();
        if (authenticatedIdentity != null && !authenticatedIdentity.equals(claimed)
                && !authenticatedIdentity.equals(shortIdentity)) {
            state = State.OVER;
            log.add("ACS refuses: authenticated as " + authenticatedIdentity + " but Inform claims " + claimed);
            throw new CwmpException(CwmpException.Kind.IDENTITY_MISMATCH,
                    "authenticated identity " + authenticatedIdentity + " is not device " + claimed);
        }
        deviceId = claimed;
        namespace = env.cwmpNamespace(); // answer in the CPE's namespace
        inFlight = null;
        engine.recordInform(deviceId, inform, namespace);
        state = State.CPE_TURN;
        return reply(env, new InformResponse(1));
    }

    private byte[] onEmptyPost() throws CwmpException {
        log.add("CPE -> ACS  (empty POST)");
        if (state == State.AWAITING_INFORM) {
            state = State.OVER;
            return SoapEnvelope.of(namespace, null, CwmpFault.of(FaultCode.ACS_INVALID_ARGUMENTS,
                    "the first message must be an Inform").encode()).encode();
        }
        if (state == State.TASK_SENT) { // the CPE did not answer our request: keep the task for next time
            log.add("ACS: no answer to " + inFlight.request().methodName() + ", task kept");
            inFlight = null;
            return end();
        }
        return sendNextTask();
    }

    private byte[] sendNextTask() {
        Optional<Task> next = engine.nextTask(deviceId);
        if (next.isEmpty()) {
            return end();
        }
        inFlight = next.get();
        state = State.TASK_SENT;
        log.add("ACS -> CPE  " + MessageSummary.of(inFlight.request()));
        return SoapEnvelope.of(namespace, "acs-" + (nextId++), inFlight.request().encode()).encode();
    }

    private byte[] end() {
        state = State.OVER;
        log.add("ACS -> CPE  204 No Content (session over)");
        return null;
    }

    private byte[] reply(SoapEnvelope request, CwmpMessage response) {
        log.add("ACS -> CPE  " + MessageSummary.of(response));
        return SoapEnvelope.of(request.cwmpNamespace(), request.id(), response.encode()).encode();
    }

    /** The device ({@code OUI-ProductClass-SerialNumber}) once its Inform arrived. */
    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    /** True once the session ended. */
    public boolean isOver() {
        return state == State.OVER;
    }

    /** One line per message exchanged, for the demo's trace. */
    public List<String> log() {
        return List.copyOf(log);
    }
}
