package org.layeredtls.handshake.conversation;

/**
 * A handshake message a conversation sends: its type and a body built when the step runs, from what the
 * handshake has learnt so far (the server's key, the transcript). Templates ({@link ClientHelloTemplate},
 * {@link ClientKeyExchangeTemplate}, {@link FinishedTemplate}) start from correct defaults and let any field
 * be overridden; {@link Messages#raw} sends any bytes under any type.
 */
public interface OutgoingMessage {

    /** The HandshakeType code (RFC 5246 §7.4), any byte. */
    int type();

    /** The body, built now. */
    byte[] body(HandshakeSecrets secrets);

    /** Called after the framed message went out and into the transcript (a ClientKeyExchange derives its keys here). */
    default void sent(HandshakeSecrets secrets) {
    }
}
