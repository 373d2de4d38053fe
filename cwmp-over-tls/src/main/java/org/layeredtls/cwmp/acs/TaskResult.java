package org.layeredtls.cwmp.acs;

import java.time.Instant;
import org.layeredtls.cwmp.rpc.CwmpFault;
import org.layeredtls.cwmp.rpc.CwmpMessage;
import org.layeredtls.cwmp.rpc.CwmpRequest;

/**
 * What the CPE answered to a task: its response, its {@link CwmpFault}, or, for a Download, later also the
 * TransferComplete that reports the transfer (recorded as a second result with the same task id).
 */
public record TaskResult(String taskId, CwmpRequest request, CwmpMessage response, Instant completedAt) {

    /** True when the CPE answered with a fault, or a TransferComplete reports one. */
    public boolean isFault() {
        return response instanceof CwmpFault
                || (response instanceof org.layeredtls.cwmp.rpc.TransferComplete t && t.faultStruct().faultCode() != 0);
    }
}
