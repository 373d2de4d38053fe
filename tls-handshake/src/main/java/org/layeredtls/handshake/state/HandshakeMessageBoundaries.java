package org.layeredtls.handshake.state;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.layeredtls.handshake.message.HandshakeFrame;

/**
 * Cuts a stream of handshake-protocol bytes into messages by their 4-byte headers (RFC 5246 §7.4:
 * one byte of msg_type, three of length), whatever the types and bodies are: how the peer will read
 * what a research hook sends as raw bytes, so that the observer can report those messages as the
 * peer sees them.
 */
final class HandshakeMessageBoundaries {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Adds bytes; returns each message they complete (header and body), in order. */
    List<byte[]> add(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] all = pending.toByteArray();
        List<byte[]> complete = new ArrayList<>();
        int start = 0;
        while (all.length - start >= HandshakeFrame.HEADER_LENGTH) {
            int bodyLength = ((all[start + 1] & 0xFF) << 16) | ((all[start + 2] & 0xFF) << 8) | (all[start + 3] & 0xFF);
            int end = start + HandshakeFrame.HEADER_LENGTH + bodyLength;
            if (end > all.length) {
                break;
            }
            complete.add(Arrays.copyOfRange(all, start, end));
            start = end;
        }
        pending.reset();
        pending.write(all, start, all.length - start);
        return complete;
    }

    /** Bytes of a message not yet complete. */
    int pendingLength() {
        return pending.size();
    }

    /** Takes the bytes of a message cut short (empty when none). */
    byte[] takeRest() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        return rest;
    }
}
