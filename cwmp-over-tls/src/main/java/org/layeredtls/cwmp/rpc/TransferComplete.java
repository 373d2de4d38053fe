package org.layeredtls.cwmp.rpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** TransferComplete (TR-069 §A.3.3.2): the outcome of an earlier Download, CPE to ACS. */
public record TransferComplete(String commandKey, FaultStruct faultStruct, Instant startTime, Instant completeTime)
        implements CpeRequest {

    @Override
    public String methodName() {
        return "TransferComplete";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.leaf("CommandKey", commandKey), faultStruct.encode(),
                Fields.leaf("StartTime", startTime), Fields.leaf("CompleteTime", completeTime)));
    }

    public static TransferComplete decode(XmlElement e) throws CwmpException {
        return new TransferComplete(Fields.optionalRaw(e, "CommandKey"),
                FaultStruct.decode(Fields.required(e, "FaultStruct")), Fields.time(e, "StartTime"),
                Fields.time(e, "CompleteTime"));
    }
}
