package org.layeredtls.cwmp.cpe;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.CwmpRequest;
import org.layeredtls.cwmp.rpc.Download;
import org.layeredtls.cwmp.rpc.EventStruct;
import org.layeredtls.cwmp.rpc.FaultCode;
import org.layeredtls.cwmp.rpc.Inform;
import org.layeredtls.cwmp.rpc.MessageSummary;
import org.layeredtls.cwmp.rpc.InformResponse;
import org.layeredtls.cwmp.rpc.ParameterValueStruct;
import org.layeredtls.cwmp.rpc.Rpc;
import org.layeredtls.cwmp.rpc.TransferComplete;
import org.layeredtls.cwmp.rpc.TransferCompleteResponse;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.Namespaces;
import org.layeredtls.cwmp.soap.SoapEnvelope;

/**
 * One CWMP session seen from the CPE (TR-069 §3.7.1): Inform, then our own requests (TransferComplete) unless the
 * ACS holds them, then an empty POST, then the ACS's requests answered one by one until 204. The transport POSTs
 * {@link #firstRequest()}, hands every answer to {@link #onResponse} and POSTs what it returns, until null.
 * A thrown {@link CwmpException} ends the session as failed (the events stay queued; retry with back-off).
 */
public final class CpeSession {
    private enum State { INFORM_SENT, TRANSFER_COMPLETE_SENT, AWAITING_ACS, OVER }

    private static final String NAMESPACE = Namespaces.CWMP_1_0;

    private final CpeAgent agent;
    private final List<EventStruct> sentEvents;
    private final Inform inform;
    private final List<String> log = new ArrayList<>();
    private final CpeRpcHandler handler;
    private State state = State.INFORM_SENT;
    private boolean informAcknowledged;
    private boolean holdRequests;
    private TransferComplete transferInFlight;
    private final List<TransferComplete> transfersToSend = new ArrayList<>();
    private int nextId = 1;

    CpeSession(CpeAgent agent, List<EventStruct> events, int retryCount) {
        this.agent = agent;
        this.sentEvents = events;
        this.inform = new Inform(deviceId(agent), events, 1, agent.clock().instant(), retryCount,
                agent.model().informParameters());
        this.handler = new CpeRpcHandler(agent);
    }

    private static org.layeredtls.cwmp.rpc.DeviceId deviceId(CpeAgent agent) {
        var m = agent.model();
        return new org.layeredtls.cwmp.rpc.DeviceId(m.valueOf("DeviceInfo.Manufacturer"),
                m.valueOf("DeviceInfo.ManufacturerOUI"), m.valueOf("DeviceInfo.ProductClass"),
                m.valueOf("DeviceInfo.SerialNumber"));
    }

    /** The Inform this session opens with. */
    public Inform inform() {
        return inform;
    }

    /** The Inform envelope (UTF-8 XML), the body of the first POST. */
    public byte[] firstRequest() {
        log.add("CPE -> ACS  Inform " + events(sentEvents) + " RetryCount=" + inform.retryCount());
        return SoapEnvelope.of(NAMESPACE, id(), inform.encode()).encode();
    }

    /**
     * The ACS's answer to our last POST: HTTP status and body (empty for 204/empty 200). Returns the next POST body
     * (empty array = empty POST), or null when the session is over (204, or 200 with empty body after our empty
     * POST).
     */
    public byte[] onResponse(int httpStatus, byte[] body) throws CwmpException {
        if (state == State.OVER) {
            throw new CwmpException(CwmpException.Kind.PROTOCOL, "session is over");
        }
        boolean empty = body == null || body.length == 0;
        if (httpStatus == 204 || (httpStatus == 200 && empty)) {
            if (state != State.AWAITING_ACS) {
                return fail("ACS ended the session (HTTP " + httpStatus + ") before answering our " + state);
            }
            log.add("ACS -> CPE  " + httpStatus + " (session over)");
            finish();
            return null;
        }
        if ((httpStatus != 200 && httpStatus != 500) || empty) { // SOAP 1.1 faults may come with 500
            return fail("HTTP " + httpStatus + " from the ACS");
        }
        SoapEnvelope env;
        CwmpMessage msg;
        try {
            env = SoapEnvelope.decode(body);
            if (env.holdRequests() != null) {
                holdRequests = env.holdRequests(); // TR-069 §3.7.1.4
            }
            if (env.body() == null) {
                return fail("empty SOAP Body from the ACS");
            }
            msg = state == State.AWAITING_ACS ? null : Rpc.decode(env.body());
        } catch (CwmpException e) {
            state = State.OVER;
            log.add("ACS -> CPE  unreadable: " + e.getMessage());
            throw e;
        }
        return switch (state) {
            case INFORM_SENT -> onInformAnswer(msg);
            case TRANSFER_COMPLETE_SENT -> onTransferCompleteAnswer(msg);
            case AWAITING_ACS -> answer(env);
            case OVER -> throw new IllegalStateException();
        };
    }

    private byte[] onInformAnswer(CwmpMessage msg) throws CwmpException {
        if (msg instanceof CwmpFault f) { // e.g. 8005 Retry request: the session failed
            return fail("ACS fault " + f.faultCode() + " " + f.faultString() + " to our Inform");
        }
        if (!(msg instanceof InformResponse)) {
            return fail("expected InformResponse, got " + msg.methodName());
        }
        log.add("ACS -> CPE  InformResponse" + (holdRequests ? " HoldRequests" : ""));
        informAcknowledged = true;
        agent.informDelivered(sentEvents,
                inform.parameterList().stream().map(ParameterValueStruct::name).toList());
        transfersToSend.addAll(agent.pendingTransfers());
        return nextOwnRequest();
    }

    private byte[] onTransferCompleteAnswer(CwmpMessage msg) throws CwmpException {
        if (msg instanceof TransferCompleteResponse) {
            log.add("ACS -> CPE  TransferCompleteResponse");
            agent.transferDelivered(transferInFlight);
        } else if (msg instanceof CwmpFault f) {
            log.add("ACS -> CPE  Fault " + f.faultCode() + " to TransferComplete (kept for the next session)");
        } else {
            return fail("expected TransferCompleteResponse, got " + msg.methodName());
        }
        transferInFlight = null;
        return nextOwnRequest();
    }

    /** Our own requests first (unless HoldRequests), then the empty POST that hands the turn to the ACS. */
    private byte[] nextOwnRequest() {
        if (!holdRequests && !transfersToSend.isEmpty()) {
            transferInFlight = transfersToSend.remove(0);
            state = State.TRANSFER_COMPLETE_SENT;
            log.add("CPE -> ACS  TransferComplete CommandKey=" + transferInFlight.commandKey() + " FaultCode="
                    + transferInFlight.faultStruct().faultCode());
            return SoapEnvelope.of(NAMESPACE, id(), transferInFlight.encode()).encode();
        }
        state = State.AWAITING_ACS;
        log.add("CPE -> ACS  (empty POST)");
        return new byte[0];
    }

    /** An ACS request: answer it from the model (TR-069 §A.3.2); anything we do not implement is 9000. */
    private byte[] answer(SoapEnvelope env) {
        CwmpMessage response;
        String name = env.body().name();
        try {
            CwmpMessage msg = Rpc.decode(env.body());
            if (!(msg instanceof CwmpRequest request)) {
                response = CwmpFault.of(FaultCode.METHOD_NOT_SUPPORTED, "not a request: " + msg.methodName());
            } else {
                log.add("ACS -> CPE  " + MessageSummary.of(request));
                response = handler.handle(request);
            }
        } catch (CwmpException e) {
            log.add("ACS -> CPE  " + name);
            response = CwmpFault.of(e.kind() == CwmpException.Kind.METHOD_NOT_SUPPORTED
                    ? FaultCode.METHOD_NOT_SUPPORTED : FaultCode.INVALID_ARGUMENTS, e.getMessage());
        }
        log.add("CPE -> ACS  " + MessageSummary.of(response));
        state = State.AWAITING_ACS;
        // The response echoes the request's cwmp:ID, in the request's namespace (TR-069 §3.5).
        return SoapEnvelope.of(env.cwmpNamespace(), env.id(), response.encode()).encode();
    }

    private byte[] fail(String reason) throws CwmpException {
        state = State.OVER;
        log.add("session failed: " + reason);
        throw new CwmpException(CwmpException.Kind.SESSION_FAILED, reason);
    }

    private void finish() {
        state = State.OVER;
        agent.sessionEnded(handler.downloads(), handler.rebootCommandKey());
    }

    private String id() {
        return "cpe-" + (nextId++);
    }

    private static String events(List<EventStruct> events) {
        return events.stream().map(e -> e.commandKey().isEmpty() ? e.eventCode()
                : e.eventCode() + "(" + e.commandKey() + ")").toList().toString();
    }

    /** True once the session ended (successfully or not). */
    public boolean isOver() {
        return state == State.OVER;
    }

    /** True once the ACS acknowledged the Inform (its events are delivered). */
    public boolean informAcknowledged() {
        return informAcknowledged;
    }

    /** One line per message exchanged, for the demo's trace. */
    public List<String> log() {
        return List.copyOf(log);
    }
}
