package org.layeredtls.cwmp.rpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/**
 * DownloadResponse: Status 0 (done, times valid) or 1 (not yet done: times are {@code 0001-01-01T00:00:00Z} and a
 * TransferComplete follows in a later session).
 */
public record DownloadResponse(int status, Instant startTime, Instant completeTime) implements CwmpResponse {

    /** Status 1 with the unknown times, what a CPE answers before it downloads. */
    public static DownloadResponse pending() {
        return new DownloadResponse(1, Fields.UNKNOWN_TIME, Fields.UNKNOWN_TIME);
    }

    @Override
    public String methodName() {
        return "DownloadResponse";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.leaf("Status", status),
                Fields.leaf("StartTime", startTime), Fields.leaf("CompleteTime", completeTime)));
    }

    public static DownloadResponse decode(XmlElement e) throws CwmpException {
        return new DownloadResponse(Fields.integer(e, "Status"), Fields.time(e, "StartTime"),
                Fields.time(e, "CompleteTime"));
    }
}
