package org.layeredtls.cwmp.rpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** Inform (TR-069 §A.3.3.1): the first message of every session, CPE to ACS. */
public record Inform(DeviceId deviceId, List<EventStruct> events, int maxEnvelopes, Instant currentTime,
                     int retryCount, List<ParameterValueStruct> parameterList) implements CpeRequest {

    public Inform {
        events = List.copyOf(events);
        parameterList = List.copyOf(parameterList);
    }

    @Override
    public String methodName() {
        return "Inform";
    }

    @Override
    public XmlElement encode() {
        List<XmlElement> ev = new ArrayList<>();
        for (EventStruct e : events) {
            ev.add(e.encode());
        }
        return Fields.method(methodName(), List.of(deviceId.encode(), Fields.array("Event", "cwmp:EventStruct", ev),
                Fields.leaf("MaxEnvelopes", maxEnvelopes), Fields.leaf("CurrentTime", currentTime),
                Fields.leaf("RetryCount", retryCount), ParameterValueStruct.encodeList(parameterList)));
    }

    public static Inform decode(XmlElement e) throws CwmpException {
        List<EventStruct> ev = new ArrayList<>();
        for (XmlElement i : Fields.items(e, "Event")) {
            ev.add(EventStruct.decode(i));
        }
        return new Inform(DeviceId.decode(Fields.required(e, "DeviceId")), ev, Fields.integer(e, "MaxEnvelopes"),
                Fields.time(e, "CurrentTime"), Fields.integer(e, "RetryCount"),
                ParameterValueStruct.decodeList(e));
    }
}
