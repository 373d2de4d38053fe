package org.layeredtls.cwmp.load;

/**
 * The ways a fault-injecting CPE of the load test misbehaves, each at a different point of a session.
 * Every one ends its connection only: the ACS goes on serving the others, and the device's tasks stay
 * queued for its next session (a task whose answer never arrived is sent again, never recorded twice).
 */
enum Fault {
    /** The TLS handshake completes, then a TCP reset. */
    RESET_AFTER_HANDSHAKE,
    /** The Inform is answered, then a TCP reset. */
    RESET_AFTER_INFORM,
    /** The CPE receives its first task and applies it, then resets instead of answering. */
    RESET_HOLDING_TASK,
    /** The CPE sends half of its answer to its first task, then resets. */
    RESET_MID_ANSWER,
    /** The TLS handshake completes, then nothing: the ACS's idle timeout must close the connection. */
    STALL_SILENT,
    /** Half of the Inform, then nothing: the idle timeout again, in the middle of a SOAP body. */
    STALL_MID_SOAP,
    /** The CPE receives its first task and never answers: the idle timeout, with a task in flight. */
    STALL_HOLDING_TASK,
    /** Random bytes where a ClientHello should be: a TLS alert, and the connection closes. */
    GARBAGE_INSTEAD_OF_TLS,
    /** Random bytes inside TLS where an HTTP request should be. */
    GARBAGE_INSTEAD_OF_HTTP,
    /** A good Inform, then a POST whose body is not XML. */
    GARBAGE_INSTEAD_OF_SOAP;

    /** Whether the ACS has to close the connection by itself (the CPE only waits). */
    boolean waitsForTheServer() {
        return this == STALL_SILENT || this == STALL_MID_SOAP || this == STALL_HOLDING_TASK
                || this == GARBAGE_INSTEAD_OF_TLS || this == GARBAGE_INSTEAD_OF_HTTP;
    }
}
