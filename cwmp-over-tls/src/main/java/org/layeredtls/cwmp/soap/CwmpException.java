package org.layeredtls.cwmp.soap;

/**
 * A CWMP message or session could not be processed. {@link #kind()} tells the transport what to do:
 * {@link Kind#IDENTITY_MISMATCH} maps to HTTP 403, {@link Kind#MALFORMED_XML} to HTTP 400, the others
 * end the session (the CPE then retries with back-off, TR-069 §3.2.1.1).
 */
public class CwmpException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the message or session failed. */
    public enum Kind {
        /** Not well-formed XML, a DOCTYPE (refused: no external entities, ever), or not a SOAP 1.1 envelope. */
        MALFORMED_XML,
        /** Well-formed, but an argument is missing or has the wrong form (CPE fault 9003, ACS fault 8003). */
        INVALID_ARGUMENTS,
        /** A method the receiver does not implement (CPE fault 9000, ACS fault 8000). */
        METHOD_NOT_SUPPORTED,
        /** A message out of sequence for the session (e.g. an ACS that answers an Inform with something else). */
        PROTOCOL,
        /** The authenticated identity (certificate or HTTP user) is not the device named in the Inform: HTTP 403. */
        IDENTITY_MISMATCH,
        /** The peer answered with a fault that ends the session (e.g. ACS fault 8005 "retry request"). */
        SESSION_FAILED,
        /** A local I/O failure (state file). */
        IO
    }

    private final Kind kind;

    public CwmpException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CwmpException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** What went wrong, for the transport's mapping to an HTTP status. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "CwmpException[" + kind + "]: " + getMessage();
    }
}
