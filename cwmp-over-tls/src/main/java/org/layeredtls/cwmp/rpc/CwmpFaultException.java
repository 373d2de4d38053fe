package org.layeredtls.cwmp.rpc;

/** Thrown by the data model and RPC handlers when a request must be answered with a {@link CwmpFault}. */
public final class CwmpFaultException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient CwmpFault fault;

    public CwmpFaultException(CwmpFault fault) {
        super(fault.faultCode() + " " + fault.faultString());
        this.fault = fault;
    }

    /** The fault to send. */
    public CwmpFault fault() {
        return fault;
    }
}
