package org.layeredtls.handshake.intercept;

import java.io.IOException;

/**
 * A research hook on the receiving side of the Handshake protocol (set with
 * {@link org.layeredtls.handshake.api.TlsConfig.Builder#incomingHandshakeInterceptor}): the mirror
 * of {@link HandshakeInterceptor}. It is called with each handshake message the peer sent, once
 * reassembled (and decrypted), before the state machine sees it, and with the peer's
 * ChangeCipherSpec; it decides what the state machine processes, through the {@link IncomingFlight}:
 *
 * <ul>
 *   <li>pass: {@code flight.deliver(message.bytes());} (the default);</li>
 *   <li>replace: deliver other bytes (a flipped bit, a malformed length) or another message;</li>
 *   <li>drop: deliver nothing;</li>
 *   <li>inject: deliver extra messages before or after it;</li>
 *   <li>delay: keep it and deliver it in a later call (after the next message, or at the peer's
 *       ChangeCipherSpec). The connection has no thread of its own, so a held message is released
 *       only when something else arrives.</li>
 * </ul>
 *
 * What is delivered is what is processed and hashed (see {@link IncomingFlight}); the observer's
 * {@code handshakeMessageReceived} reports it. An SSLv2-compatible ClientHello is not handed here.
 */
public interface IncomingHandshakeInterceptor {

    /** Delivers everything unchanged. */
    IncomingHandshakeInterceptor PASS = new IncomingHandshakeInterceptor() { };

    /** Called with each of the peer's handshake messages, before the state machine sees it. */
    default void message(IncomingHandshakeMessage message, IncomingFlight flight) throws IOException {
        flight.deliver(message.bytes());
    }

    /**
     * Called when the peer's ChangeCipherSpec arrives, before the state machine sees it; messages
     * delivered here are processed first. Returning false drops it: the read keys do not switch, so
     * the peer's next (protected) record is read as plaintext.
     */
    default boolean changeCipherSpec(IncomingFlight flight) throws IOException {
        return true;
    }
}
