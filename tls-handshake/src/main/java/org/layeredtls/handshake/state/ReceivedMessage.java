package org.layeredtls.handshake.state;

import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;

/** A handshake message as it arrived: decoded, and its exact bytes for the transcript. */
public record ReceivedMessage(HandshakeMessage message, HandshakeFrame frame) {

    public HandshakeType type() {
        return frame.type();
    }
}
