package org.layeredtls.handshake.state;

import java.io.IOException;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * One state of a handshake state machine (RFC 5246 §7.3, figure 1). Each state is a small type
 * that knows which message may come next; {@link #handle} returns the next state, and anything
 * else is {@code unexpected_message}. The client's states are in {@link ClientHandshake}, the
 * server's in {@link ServerHandshake}, their TLS 1.3 ones in {@link Tls13ClientHandshake} and
 * {@link Tls13ServerHandshake}; all end in {@link Connected}.
 */
public sealed interface HandshakeState permits ClientHandshake.State, ServerHandshake.State, Tls13ClientHandshake.State,
        Tls13ServerHandshake.State, HandshakeState.Connected {

    /** A handshake message arrived. */
    HandshakeState handle(HandshakeContext context, ReceivedMessage message) throws IOException;

    /**
     * Whether a message of this type may come next. The connection asks before it decodes the body:
     * a message out of place is {@code unexpected_message} whatever its body (RFC 5246 §7.4, §7.2.2).
     */
    boolean expects(HandshakeType type);

    /**
     * Whether application data may arrive now (once a first handshake is done). Between the peer's
     * ChangeCipherSpec and its Finished it may not: RFC 5246 §7.4.9, the Finished comes immediately
     * after the ChangeCipherSpec.
     */
    default boolean allowsApplicationData() {
        return true;
    }

    /** The peer's ChangeCipherSpec arrived. Only the states that wait for it accept it. */
    default HandshakeState changeCipherSpec(HandshakeContext context) throws IOException {
        throw unexpected(this, "ChangeCipherSpec");
    }

    /** The state's name as the RFC's message flow would say it. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The error every state raises for a message it does not expect. */
    static TlsAlertException unexpected(HandshakeState state, String what) {
        return new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.HANDSHAKE,
                what + " is not expected in state " + state.name());
    }

    /**
     * The handshake is over; application data flows. A HelloRequest or a ClientHello here starts
     * a renegotiation, which the connection handles before it gets here.
     */
    record Connected() implements HandshakeState {
        @Override
        public HandshakeState handle(HandshakeContext context, ReceivedMessage message) throws TlsAlertException {
            throw unexpected(this, message.type().toString());
        }

        @Override
        public boolean expects(HandshakeType type) {
            return false;
        }
    }
}
