package org.layeredtls.handshake.conversation;

import java.util.List;
import java.util.Optional;

/**
 * What a conversation that met every expectation saw: the peer's events in order, the record trace, and the
 * handshake state at the end (the session to resume, the negotiated suite).
 */
public record ConversationResult(String name, List<WireEvent> received, RecordTrace trace, HandshakeSecrets secrets) {

    public ConversationResult {
        received = List.copyOf(received);
    }

    /** The last thing the peer did (an alert, the close, silence...). */
    public Optional<WireEvent> last() {
        return received.isEmpty() ? Optional.empty() : Optional.of(received.get(received.size() - 1));
    }

    /** The session this conversation established, to offer in another. */
    public Optional<ResumableSession> session() {
        return secrets.session();
    }
}
