package org.layeredtls.handshake.intercept;

import java.util.Arrays;

import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * A handshake message the peer sent, reassembled from its records (and decrypted, once keys are in
 * use), before the state machine has seen it: its type and its exact bytes (the 4-byte handshake
 * header included). It is not decoded: the peer's bytes may be anything, and decoding them is the
 * state machine's job. {@link #bytes()} returns a fresh copy, so an interceptor may change it and
 * deliver the copy.
 */
public record IncomingHandshakeMessage(HandshakeType type, byte[] bytes) {

    public IncomingHandshakeMessage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The body, after the 4-byte header. */
    public byte[] body() {
        return Arrays.copyOfRange(bytes, HandshakeFrame.HEADER_LENGTH, bytes.length);
    }

    /** These bytes with one bit flipped at {@code offset} from the start of the header ({@code bit} 0 = least significant). */
    public byte[] withFlippedBit(int offset, int bit) {
        byte[] copy = bytes();
        copy[offset] ^= (byte) (1 << bit);
        return copy;
    }

    @Override
    public String toString() {
        return "IncomingHandshakeMessage[" + type.rfcName() + ", " + bytes.length + " bytes]";
    }
}
