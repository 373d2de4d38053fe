package org.layeredtls.handshake.intercept;

import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * A handshake message the engine is about to send: decoded, and its exact bytes (the 4-byte
 * handshake header included). {@link #bytes()} returns a fresh copy each time, so an interceptor
 * may change the copy and send it.
 */
public record OutgoingHandshakeMessage(HandshakeMessage message, byte[] bytes) {

    public OutgoingHandshakeMessage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public HandshakeType type() {
        return message.type();
    }

    @Override
    public String toString() {
        return "OutgoingHandshakeMessage[" + message.type().rfcName() + ", " + bytes.length + " bytes]";
    }
}
