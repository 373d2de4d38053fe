package org.layeredtls.handshake.session;

import java.util.Optional;

/**
 * The client's store of sessions to resume, one per peer. The key is whatever names the peer for the
 * application, such as {@code "host:port"} or the server name: a session must only be offered to the
 * server it was made with. Implementations must be thread-safe; sessions go in and come out as copies.
 */
public interface ClientSessionStore {

    /** Remembers the session to offer to {@code peer} next time, replacing any previous one. */
    void put(String peer, ClientSession session);

    /** The session to offer to {@code peer}, or empty. */
    Optional<ClientSession> get(String peer);

    /** Forgets {@code peer}'s session (after a fatal alert, or when the server declined to resume). */
    void remove(String peer);
}
