package org.layeredtls.cwmp.rpc;

/** A request the CPE sends to the ACS (TR-069 Table 6, the subset a thin ACS answers). */
public sealed interface CpeRequest extends CwmpMessage permits Inform, TransferComplete, GetRPCMethods {
}
