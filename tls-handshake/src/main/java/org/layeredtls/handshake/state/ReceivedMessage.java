package org.layeredtls.handshake.state;

import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * A handshake message as it arrived: decoded, and its exact bytes for the transcript.
 *
 * @param transcriptBytes what the transcript hash takes: the frame's bytes, except for an
 *                        SSLv2-compatible ClientHello, which is hashed as its SSL 2.0 message
 *                        (RFC 5246 Appendix E.2; see {@link #v2ClientHello})
 */
public record ReceivedMessage(HandshakeMessage message, HandshakeFrame frame, byte[] transcriptBytes) {

    public ReceivedMessage(HandshakeMessage message, HandshakeFrame frame) {
        this(message, frame, frame.bytes());
    }

    /**
     * A ClientHello that arrived as an SSLv2-compatible ClientHello: the handshake goes on with the
     * ClientHello it stands for, and hashes the SSL 2.0 message bytes, msg_type to challenge (RFC 2246
     * Appendix E.1: "the msg_length field is not considered to be a part of the handshake message").
     */
    static ReceivedMessage v2ClientHello(HandshakeMessage clientHello, byte[] v2Message) {
        return new ReceivedMessage(clientHello, HandshakeFrame.of(clientHello), v2Message.clone());
    }

    public HandshakeType type() {
        return frame.type();
    }
}
