package org.layeredtls.handshake.message;

import java.util.Arrays;
import org.layeredtls.codec.ByteWriter;

/**
 * One complete handshake message as it was on the wire, not yet decoded: its type, its body, and
 * its exact bytes ({@code msg_type || length || body}), which is what the transcript hash and
 * the Finished computation take (RFC 5246 §7.4.9).
 */
public record HandshakeFrame(HandshakeType type, byte[] body) {

    /** The header: one byte of type, three of length (RFC 5246 §7.4). */
    public static final int HEADER_LENGTH = 4;

    public HandshakeFrame {
        if (body.length > 0xFFFFFF) {
            throw new IllegalArgumentException("a handshake body is at most 2^24-1 bytes");
        }
        body = body.clone();
    }

    /** The frame of a message about to be sent. */
    public static HandshakeFrame of(HandshakeMessage message) {
        return new HandshakeFrame(message.type(), message.encodeBody());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The message's exact bytes: header and body. */
    public byte[] bytes() {
        ByteWriter writer = new ByteWriter(HEADER_LENGTH + body.length);
        writer.u8(type.code()).u24(body.length).bytes(body);
        return writer.toByteArray();
    }

    /** Header plus body. */
    public int length() {
        return HEADER_LENGTH + body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HandshakeFrame that && type == that.type && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "HandshakeFrame[" + type.rfcName() + ", " + body.length + " bytes]";
    }
}
