/**
 * Interceptors for research: hooks on the sending side that may replace, drop, reorder or inject
 * handshake messages ({@link org.layeredtls.handshake.intercept.HandshakeInterceptor}, writing
 * through an {@link org.layeredtls.handshake.intercept.OutgoingFlight}) and rewrite, drop or inject
 * protected records ({@link org.layeredtls.handshake.intercept.RecordInterceptor}), so that attacks
 * and peers' reactions can be studied without forking the stack. What is sent is what is hashed:
 * a tampered message goes into our own transcript as sent, so the peer, not we, detects it.
 *
 * <p>The peer's side mirrors it: {@link org.layeredtls.handshake.intercept.IncomingHandshakeInterceptor}
 * (delivering through an {@link org.layeredtls.handshake.intercept.IncomingFlight}) sees each of the
 * peer's messages before the state machine, and
 * {@link org.layeredtls.handshake.intercept.IncomingRecordInterceptor} each of its records as it came
 * off the wire. What is delivered is what is processed and hashed, so every tampering has the
 * consequence the protocol gives it. See tls-handshake/OBSERVE.md and tls-handshake/RESEARCH.md.
 */
package org.layeredtls.handshake.intercept;
