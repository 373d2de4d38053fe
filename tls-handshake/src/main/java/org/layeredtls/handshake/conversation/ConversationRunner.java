package org.layeredtls.handshake.conversation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.crypto.SecureRandomSource;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.record.ContentType;

/**
 * Runs one {@link Conversation} over a connected socket: each send step writes, each expect step reads the
 * peer's next event (a record may hold several handshake messages; a message may span records) and checks it.
 */
final class ConversationRunner {

    private final Conversation conversation;
    private final RecordTrace trace = new RecordTrace();
    private final RecordChannel channel;
    private final HandshakeSecrets secrets = new HandshakeSecrets(new SecureRandomSource());
    private final HandshakeReassembler reassembler = new HandshakeReassembler(0xFFFFFF);
    private final Deque<WireEvent> pending = new ArrayDeque<>();
    private final List<WireEvent> received = new ArrayList<>();
    private WireEvent closed;
    private boolean writeFailed;

    ConversationRunner(Conversation conversation, Socket socket) throws IOException {
        this.conversation = conversation;
        this.channel = new RecordChannel(socket, trace);
    }

    ConversationResult run() throws IOException {
        List<Step> steps = conversation.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            trace.note("step " + (i + 1) + ": " + step.describe());
            WireEvent mismatch = perform(step);
            if (mismatch != null) {
                throw new ConversationFailure(conversation.name(), i + 1, step, mismatch, trace);
            }
        }
        return new ConversationResult(conversation.name(), received, trace, secrets);
    }

    /** Performs a step; returns what came instead of what it expected, or null when it went as scripted. */
    private WireEvent perform(Step step) throws IOException {
        if (step instanceof Step.SendMessages send) {
            sendMessages(send);
        } else if (step instanceof Step.SendRecord record) {
            int version = record.version() >= 0 ? record.version() : channel.writeVersion().code();
            write(() -> channel.write(record.contentType(), version, record.fragment(), record.tamper()));
        } else if (step instanceof Step.SendRaw raw) {
            write(() -> channel.writeRaw(raw.bytes()));
        } else if (step instanceof Step.SendChangeCipherSpec) {
            // RFC 5246 §7.1: the record after our ChangeCipherSpec is protected with the pending write state
            write(() -> channel.write(ContentType.CHANGE_CIPHER_SPEC.code(), new byte[] {1}));
            if (secrets.pendingWrite() != null) {
                channel.changeWriteState(secrets.pendingWrite());
            }
        } else if (step instanceof Step.SendAlert alert) {
            write(() -> channel.write(ContentType.ALERT.code(), new byte[] {(byte) alert.level(), (byte) alert.description()}));
        } else if (step instanceof Step.HoldWrites hold) {
            if (hold.hold()) {
                channel.holdWrites();
            } else {
                write(channel::releaseWrites);
            }
        } else if (step instanceof Step.CloseTransport close) {
            channel.closeTransport(close.reset());
            writeFailed = true;
            if (close.reset()) {
                closed = new WireEvent.Closed(true);
            }
        } else if (step instanceof Step.Act act) {
            try {
                act.action().run();
            } catch (Exception e) {
                throw new IOException("step \"" + act.description() + "\" failed: " + e.getMessage(), e);
            }
        } else {
            return expect(step);
        }
        return null;
    }

    private void sendMessages(Step.SendMessages send) throws IOException {
        ByteArrayOutputStream handshakeBytes = new ByteArrayOutputStream();
        for (OutgoingMessage message : send.messages()) {
            byte[] body = message.body(secrets);
            int type = message.type() & 0xFF;
            byte[] frame = new ByteWriter(body.length + HandshakeFrame.HEADER_LENGTH).u8(type).u24(body.length)
                    .bytes(body).toByteArray();
            handshakeBytes.writeBytes(frame);
            for (HandshakeType known : HandshakeType.values()) {
                if (known.code() == type) {
                    secrets.transcribe(known, frame);
                }
            }
            message.sent(secrets);
        }
        byte[] bytes = handshakeBytes.toByteArray();
        for (int offset = 0; offset < bytes.length; offset += send.recordSize()) {
            byte[] fragment = Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + send.recordSize()));
            write(() -> channel.write(ContentType.HANDSHAKE.code(), fragment));
        }
        secrets.serverHello().ifPresent(hello -> channel.writeVersion(hello.serverVersion()));
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    /** Writes unless the peer is gone: a probe goes on to read what the peer said before leaving. */
    private void write(Write write) throws IOException {
        if (writeFailed) {
            trace.note("(not sent: the connection is closed for writing)");
            return;
        }
        try {
            write.run();
        } catch (IOException e) { // the peer closed or reset: what it said before is still to be read
            writeFailed = true;
            trace.note("(write failed: " + e.getMessage() + ")");
        }
    }

    private WireEvent expect(Step step) throws IOException {
        long waitNanos = conversation.waitBound().toNanos();
        if (step instanceof Step.ExpectSilence silence) {
            WireEvent next = next(System.nanoTime() + silence.millis() * 1_000_000);
            return next instanceof WireEvent.Silence ? null : next;
        }
        if (step instanceof Step.ExpectResumed resumed) {
            return secrets.resumed() == resumed.resumed() ? null : resumedMismatch();
        }
        long deadline = System.nanoTime() + waitNanos;
        if (step instanceof Step.ExpectFlightUntil flight) {
            while (true) {
                WireEvent next = next(deadline);
                if (!(next instanceof WireEvent.Handshake handshake)) {
                    return next;
                }
                if (handshake.type() == flight.last()) {
                    return null;
                }
            }
        }
        if (step instanceof Step.ExpectClose close) {
            WireEvent next = next(deadline);
            while (close.skipAlerts() && next instanceof WireEvent.Alert) {
                next = next(deadline);
            }
            return next instanceof WireEvent.Closed ? null : next;
        }
        WireEvent next = next(deadline);
        boolean met;
        if (step instanceof Step.ExpectHandshake handshake) {
            met = next instanceof WireEvent.Handshake h && h.type() == handshake.type();
        } else if (step instanceof Step.ExpectChangeCipherSpec) {
            met = next instanceof WireEvent.ChangeCipherSpec;
        } else if (step instanceof Step.ExpectAlert alert) {
            met = next instanceof WireEvent.Alert a && a.is(alert.description())
                    && (alert.level() < 0 || a.level() == alert.level());
        } else if (step instanceof Step.ExpectApplicationData) {
            met = next instanceof WireEvent.ApplicationData;
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
        return met ? null : next;
    }

    private WireEvent resumedMismatch() {
        return new WireEvent.Unreadable(secrets.resumed() ? "the session was resumed" : "a new session was started",
                new byte[0]);
    }

    /** The peer's next event, reading records as needed until {@code deadline}. */
    private WireEvent next(long deadline) throws IOException {
        long started = System.nanoTime();
        while (pending.isEmpty()) {
            if (closed != null) {
                return closed;
            }
            readRecord(deadline, started);
        }
        WireEvent event = pending.removeFirst();
        received.add(event);
        return event;
    }

    private void readRecord(long deadline, long started) throws IOException {
        RecordChannel.Record record;
        try {
            record = channel.read(deadline);
        } catch (RecordChannel.UnopenableRecord e) {
            pending.add(new WireEvent.Unreadable(e.getMessage(), e.header()));
            return;
        }
        if (record == null) {
            switch (channel.ending()) {
                case TIMEOUT -> pending.add(new WireEvent.Silence((System.nanoTime() - started) / 1_000_000));
                case EOF -> closed = new WireEvent.Closed(false);
                case RESET -> closed = new WireEvent.Closed(true);
            }
            if (closed != null) {
                pending.add(closed);
            }
            return;
        }
        byte[] fragment = record.fragment();
        switch (record.type()) {
            case 20 -> {
                // RFC 5246 §7.1: the peer's records are protected from the next one on
                pending.add(new WireEvent.ChangeCipherSpec(fragment.length == 1 ? fragment[0] & 0xFF : -1));
                if (secrets.pendingRead() != null) {
                    channel.changeReadState(secrets.pendingRead());
                }
            }
            case 21 -> pending.add(fragment.length == 2
                    ? new WireEvent.Alert(fragment[0] & 0xFF, fragment[1] & 0xFF, record.protectedRecord())
                    : new WireEvent.Unreadable("an alert of " + fragment.length + " bytes", new byte[0]));
            case 22 -> handshake(fragment);
            case 23 -> pending.add(new WireEvent.ApplicationData(fragment));
            default -> pending.add(new WireEvent.Unreadable("content type " + record.type(), new byte[0]));
        }
    }

    private void handshake(byte[] fragment) {
        List<HandshakeFrame> frames;
        try {
            frames = reassembler.add(fragment);
        } catch (TlsAlertException e) {
            pending.add(new WireEvent.Unreadable(e.getMessage(), new byte[0]));
            return;
        }
        for (HandshakeFrame frame : frames) {
            secrets.transcribe(frame.type(), frame.bytes());
            secrets.received(frame.type(), frame.body());
            if (frame.type() == HandshakeType.FINISHED) {
                secrets.serverFinishedReceived(frame.body());
            }
            if (frame.type() == HandshakeType.SERVER_HELLO) {
                secrets.serverHello().ifPresent(hello -> channel.writeVersion(hello.serverVersion()));
            }
            pending.add(new WireEvent.Handshake(frame.type(), frame.bytes()));
        }
    }
}
