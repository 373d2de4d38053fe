/**
 * Session resumption state: what both ends remember of a full handshake so that the next one can be
 * abbreviated (RFC 5246 §7.3, figure 2).
 *
 * <ul>
 *   <li>{@link org.layeredtls.handshake.session.SessionState} is one session: id, version, suite,
 *       compression, master secret, the RFC 7627 extended-master-secret flag (a resumption must agree
 *       on it, RFC 7627 §5.3), peer certificates, server name, ALPN, creation time and lifetime, with
 *       a canonical binary encoding.</li>
 *   <li>{@link org.layeredtls.handshake.session.SessionCache} and
 *       {@link org.layeredtls.handshake.session.InMemorySessionCache}: the server's cache by session id
 *       (RFC 5246 §7.4.1.2), bounded, least recently used evicted, entries expiring.</li>
 *   <li>{@link org.layeredtls.handshake.session.TicketProtector}: RFC 5077 session tickets in the format
 *       RFC 5077 §4 recommends (AES-128-CBC, HMAC-SHA-256, a key name), with rotating keys. A bad ticket is
 *       never an error, only "no session": the server falls back to a full handshake.</li>
 *   <li>{@link org.layeredtls.handshake.session.ClientSessionStore} and
 *       {@link org.layeredtls.handshake.session.InMemoryClientSessionStore}: the client's sessions and
 *       tickets, one per peer.</li>
 * </ul>
 *
 * <p>Sessions hold a master secret: every store hands out copies, wipes what it forgets, and never
 * prints it.
 */
package org.layeredtls.handshake.session;
