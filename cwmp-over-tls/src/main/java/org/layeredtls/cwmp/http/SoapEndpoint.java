package org.layeredtls.cwmp.http;

import java.util.Optional;

/**
 * What the ACS's HTTP layer needs of the CWMP session logic: one session per Inform, fed one
 * POST body at a time. Kept this small so that the transport can be tested on its own; the real
 * implementation wraps {@code org.layeredtls.cwmp.acs.AcsEngine}.
 */
interface SoapEndpoint {

    /** A new session for a connection authenticated as {@code identity} (null: not authenticated). */
    Session newSession(String identity);

    /** One CWMP session. */
    interface Session {
        /** The envelope to answer with, or null for 204 No Content (the end of the session). */
        byte[] onPost(byte[] body) throws Refused;

        Optional<String> deviceId();

        boolean isOver();
    }

    /** The session logic refused a message: answer {@code status}, and close the connection if asked. */
    final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final boolean closeConnection;

        Refused(int status, boolean closeConnection, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.closeConnection = closeConnection;
        }
    }
}
