package org.layeredtls.handshake.intercept;

import java.io.IOException;

import org.layeredtls.handshake.message.HandshakeMessage;

/**
 * What an {@link IncomingHandshakeInterceptor} hands the state machine instead of the peer's
 * messages. Bytes given to {@link #deliver(byte[])} are read as if they had come from the peer:
 * they are cut into messages (a message may be delivered in parts, or several at once), and each
 * whole message is decoded, checked and processed by the state machine, in order, as soon as the
 * interceptor returns.
 *
 * <p><b>The transcript rule.</b> The transcript hash takes exactly what the state machine
 * processes: what is delivered, not what the peer sent. So every tampering has the consequence
 * the protocol gives it: a changed ServerKeyExchange fails its signature ({@code decrypt_error}),
 * any other change makes the Finished messages disagree, a malformed message is a
 * {@code decode_error}, one out of order an {@code unexpected_message}, a missing one leaves the
 * handshake waiting until {@code TlsConfig.handshakeTimeout}.
 */
public interface IncomingFlight {

    /** Hands raw handshake-protocol bytes (any bytes, even malformed) to the state machine, as if the peer had sent them. */
    void deliver(byte[] handshakeBytes) throws IOException;

    /** Encodes {@code message} (header included) and delivers it. */
    void deliver(HandshakeMessage message) throws IOException;

    /** Handshake bytes delivered and not yet processed (0 between messages). */
    int pendingLength();

    /** Whether this side is the client. */
    boolean client();
}
