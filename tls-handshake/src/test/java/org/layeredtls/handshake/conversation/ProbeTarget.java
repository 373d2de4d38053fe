package org.layeredtls.handshake.conversation;

import java.io.IOException;

/** One peer the catalogue probes: OpenSSL or LayeredTLS, as a server (or, for server-role probes, a client). */
interface ProbeTarget extends AutoCloseable {

    /** "OpenSSL" or "LayeredTLS". */
    String name();

    /** Runs a client-role conversation against this target's server. */
    ConversationResult runAgainstServer(Conversation conversation) throws Exception;

    /** Runs a server-role conversation facing this target's client. */
    ConversationResult runFacingClient(Conversation conversation) throws Exception;

    /** Adds the steps that make this target's server send a HelloRequest (RFC 5246 §7.4.1.1) on the open connection. */
    void askServerToRenegotiate(Conversation conversation) throws IOException;

    @Override
    void close() throws Exception;
}
