package org.layeredtls.handshake.conversation;

import java.util.List;
import java.util.function.UnaryOperator;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.message.HandshakeType;

/**
 * One step of a {@link Conversation}: something to send, or something to expect. The list reads like the
 * message flow of RFC 5246 §7.3, with the probe's change in it.
 */
public sealed interface Step {

    /** What the step does, for the trace and failure messages. */
    String describe();

    /**
     * Handshake messages, framed (RFC 5246 §7.4) one after the other into one stream of handshake bytes, cut
     * into records of at most {@code recordSize} bytes: one message in one record by default, a message split
     * across records, or a coalesced flight (several messages in one record).
     */
    record SendMessages(List<OutgoingMessage> messages, int recordSize) implements Step {
        public SendMessages {
            messages = List.copyOf(messages);
        }

        @Override
        public String describe() {
            return "send " + messages + (recordSize < RecordSizes.MAX ? " in records of " + recordSize + " bytes" : "");
        }
    }

    /** One record of any content type and header version ({@code -1}: the current one), protected if our keys are on. */
    record SendRecord(int contentType, int version, byte[] fragment, UnaryOperator<byte[]> tamper) implements Step {
        @Override
        public String describe() {
            return "send a " + RecordTrace.typeName(contentType) + " record of " + fragment.length + " bytes";
        }
    }

    /** Bytes as they are, straight onto the connection. */
    record SendRaw(byte[] bytes) implements Step {
        @Override
        public String describe() {
            return "send " + bytes.length + " raw bytes";
        }
    }

    /**
     * Holds what the following steps send ({@code hold}), or sends all of it in one write: a coalesced flight,
     * records the peer receives together.
     */
    record HoldWrites(boolean hold) implements Step {
        @Override
        public String describe() {
            return hold ? "hold what follows, to write it at once" : "write what was held, at once";
        }
    }

    /** Ends our side of the TCP connection: a half-close (the peer reads end of stream and may still answer) or a reset. */
    record CloseTransport(boolean reset) implements Step {
        @Override
        public String describe() {
            return reset ? "reset the connection (SO_LINGER 0)" : "half-close: shut down our output";
        }
    }

    /** ChangeCipherSpec (RFC 5246 §7.1); our records are protected from the next one on, if the keys exist. */
    record SendChangeCipherSpec() implements Step {
        @Override
        public String describe() {
            return "send change_cipher_spec";
        }
    }

    /** An alert of any level and description code (RFC 5246 §7.2). */
    record SendAlert(int level, int description) implements Step {
        @Override
        public String describe() {
            return "send alert " + level + "/" + AlertDescription.fromCode(description).rfcName();
        }
    }

    /**
     * Something done off the wire, between two steps: tell a server process to renegotiate, restart a peer,
     * wait for a log line. Its exception fails the conversation.
     */
    record Act(String description, Action action) implements Step {
        /** The action. */
        @FunctionalInterface
        public interface Action {
            void run() throws Exception;
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /** The next thing the peer sends must be this handshake message. */
    record ExpectHandshake(HandshakeType type) implements Step {
        @Override
        public String describe() {
            return "expect " + type.rfcName();
        }
    }

    /** The peer's handshake messages up to and including {@code last}, whatever they are (a server's first flight). */
    record ExpectFlightUntil(HandshakeType last) implements Step {
        @Override
        public String describe() {
            return "expect handshake messages up to " + last.rfcName();
        }
    }

    /** The next thing must be a ChangeCipherSpec; the peer's records are opened with the new keys after it. */
    record ExpectChangeCipherSpec() implements Step {
        @Override
        public String describe() {
            return "expect change_cipher_spec";
        }
    }

    /** The next thing must be an alert with this description ({@code level} -1: any level). */
    record ExpectAlert(AlertDescription description, int level) implements Step {
        @Override
        public String describe() {
            return "expect " + (level == 2 ? "fatal " : level == 1 ? "warning " : "") + "alert " + description.rfcName();
        }
    }

    /** The next thing must be application data. */
    record ExpectApplicationData() implements Step {
        @Override
        public String describe() {
            return "expect application_data";
        }
    }

    /** The next thing must be the end of the connection (end of stream or reset), alerts before it skipped if allowed. */
    record ExpectClose(boolean skipAlerts) implements Step {
        @Override
        public String describe() {
            return skipAlerts ? "expect the connection to close (alerts allowed before)" : "expect the connection to close";
        }
    }

    /** Nothing may come for {@code millis} ms. */
    record ExpectSilence(long millis) implements Step {
        @Override
        public String describe() {
            return "expect silence for " + millis + " ms";
        }
    }

    /** The ServerHello that came did (or did not) resume the session our ClientHello offered. */
    record ExpectResumed(boolean resumed) implements Step {
        @Override
        public String describe() {
            return resumed ? "expect the session resumed" : "expect a new session (no resumption)";
        }
    }

    /** Record sizes for {@link SendMessages}. */
    final class RecordSizes {
        /** RFC 5246 §6.2.1: a record's fragment is at most 2^14 bytes. */
        public static final int MAX = 1 << 14;

        private RecordSizes() {
        }
    }
}
