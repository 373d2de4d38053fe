package org.layeredtls.cwmp.acs;

import java.time.Instant;
import org.layeredtls.cwmp.rpc.CwmpRequest;

/** An RPC queued for a device, sent after the CPE's empty POST in its next session. */
public record Task(String taskId, CwmpRequest request, Instant createdAt) {
}
