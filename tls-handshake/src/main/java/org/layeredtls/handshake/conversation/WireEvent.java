package org.layeredtls.handshake.conversation;

import java.util.HexFormat;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * One thing the peer did, as a conversation sees it: a handshake message, a ChangeCipherSpec, an alert,
 * application data, the end of the connection, or nothing for a while. Expectations are checked against
 * these, one at a time, in the order they came.
 */
public sealed interface WireEvent {

    /** A short description for failure messages and the probe table. */
    String describe();

    /** A handshake message, reassembled from as many records as it took (RFC 5246 §6.2.1). */
    record Handshake(HandshakeType type, byte[] frame) implements WireEvent {
        public Handshake {
            frame = frame.clone();
        }

        @Override
        public byte[] frame() {
            return frame.clone();
        }

        @Override
        public String describe() {
            return type.rfcName();
        }
    }

    /** A handshake message whose type this stack does not know. */
    record UnknownHandshake(int code, int length) implements WireEvent {
        @Override
        public String describe() {
            return "handshake message of unknown type " + code;
        }
    }

    /** A ChangeCipherSpec record (RFC 5246 §7.1); {@code value} is its one byte. */
    record ChangeCipherSpec(int value) implements WireEvent {
        @Override
        public String describe() {
            return "change_cipher_spec";
        }
    }

    /** An alert (RFC 5246 §7.2), level and description as the codes that came; {@code encrypted} if it was protected. */
    record Alert(int level, int description, boolean encrypted) implements WireEvent {
        /** Whether this is the alert {@code expected}, at any level. */
        public boolean is(AlertDescription expected) {
            return description == expected.code();
        }

        @Override
        public String describe() {
            String name = AlertDescription.fromCode(description).rfcName();
            return (level == 2 ? "fatal " : level == 1 ? "warning " : "level " + level + " ") + name;
        }
    }

    /** An application data record, decrypted when the keys were known. */
    record ApplicationData(byte[] data) implements WireEvent {
        public ApplicationData {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public String describe() {
            return "application_data (" + data.length + " bytes)";
        }
    }

    /** A record this side could not read: malformed, or not decryptable with the keys it has. */
    record Unreadable(String why, byte[] header) implements WireEvent {
        @Override
        public String describe() {
            return "unreadable record (" + why + ", header " + HexFormat.of().formatHex(header) + ")";
        }
    }

    /** The connection ended: end of stream, or a reset. */
    record Closed(boolean reset) implements WireEvent {
        @Override
        public String describe() {
            return reset ? "connection reset" : "connection closed";
        }
    }

    /** Nothing came for {@code millis} ms. */
    record Silence(long millis) implements WireEvent {
        @Override
        public String describe() {
            return "silence for " + millis + " ms";
        }
    }
}
