package org.layeredtls.handshake.session;

import java.util.Optional;

/**
 * The server's store of resumable sessions, keyed by session id (RFC 5246 §7.4.1.2: the server looks
 * the client's session id up in its cache and, when found and acceptable, resumes). Implementations are
 * shared by every connection of a server and so must be thread-safe.
 *
 * <p>Sessions go in and come out as copies: a connection may {@link SessionState#wipe() wipe} what it got
 * without touching what the cache holds.
 */
public interface SessionCache {

    /** Remembers a session under its id; a session with an empty id is not resumable and is ignored. */
    void put(SessionState session);

    /** The live session with this id, or empty when it is unknown or has expired (an expired entry is dropped). */
    Optional<SessionState> get(byte[] sessionId);

    /** Forgets a session: RFC 5246 §7.2.2, a fatal alert invalidates the session it happened in. */
    void invalidate(byte[] sessionId);

    /** How many sessions are held now, expired ones not yet dropped included. */
    int size();
}
