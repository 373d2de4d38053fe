/**
 * Interceptors for research: hooks on the sending side that may replace, drop, reorder or inject
 * handshake messages ({@link org.layeredtls.handshake.intercept.HandshakeInterceptor}, writing
 * through an {@link org.layeredtls.handshake.intercept.OutgoingFlight}) and rewrite, drop or inject
 * protected records ({@link org.layeredtls.handshake.intercept.RecordInterceptor}), so that attacks
 * and peers' reactions can be studied without forking the stack. What is sent is what is hashed:
 * a tampered message goes into our own transcript as sent, so the peer, not we, detects it.
 * See tls-handshake/OBSERVE.md.
 */
package org.layeredtls.handshake.intercept;
