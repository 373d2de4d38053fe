package org.layeredtls.handshake.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordHeader;
import org.layeredtls.record.RecordLimits;

/**
 * One direction of a relayed connection: reads the sender's bytes, cuts them into records, lets
 * the interceptor judge each record and each handshake message in the clear, then traces and
 * forwards what it returned. Handshake messages keep their records as they came unless the
 * interceptor changed one of them; then the messages of those records go out re-framed, in
 * records of at most 2^14 bytes (RFC 5246 §6.2.1), with the first record's version.
 */
final class RelayDirection implements Runnable {

    private final Direction direction;
    private final InputStream in;
    private final OutputStream out;
    private final RelayConnection connection;
    private final RecordSplitter splitter = new RecordSplitter();
    private final HandshakeReassembler reassembler = new HandshakeReassembler();
    private final List<byte[]> heldRecords = new ArrayList<>();

    RelayDirection(Direction direction, InputStream in, OutputStream out, RelayConnection connection) {
        this.direction = direction;
        this.in = in;
        this.out = out;
        this.connection = connection;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[RecordLimits.HEADER_LENGTH + RecordLimits.MAX_CIPHERTEXT_LENGTH];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (byte[] record : splitter.add(buffer, 0, n)) {
                    if (!arrived(record)) {
                        return;
                    }
                }
            }
            connection.ended(direction, splitter.buffered());
        } catch (IOException gone) {
            connection.failed(direction, gone);
        }
    }

    /** One record from the sender; false when the interceptor cut the connection. */
    private boolean arrived(byte[] record) throws IOException {
        RecordHeader header = header(record);
        RecordVerdict verdict = header == null ? RecordVerdict.pass(record)
                : connection.interceptor().record(direction, header, record);
        if (verdict.closeConnection()) {
            connection.truncate(direction, header);
            return false;
        }
        for (byte[] r : verdict.records()) {
            RecordHeader h = header(r);
            if (h != null && h.type() == ContentType.HANDSHAKE && connection.decryptor().inClear(direction)) {
                handshakeInClear(h, r);
            } else {
                forward(h, r);
            }
        }
        return true;
    }

    /** RFC 5246 §7.4: the messages in clear, offered to the interceptor once each is whole. */
    private void handshakeInClear(RecordHeader header, byte[] record) throws IOException {
        heldRecords.add(record);
        List<HandshakeFrame> frames;
        try {
            frames = reassembler.add(record, RecordLimits.HEADER_LENGTH, record.length - RecordLimits.HEADER_LENGTH);
        } catch (TlsAlertException malformed) {
            releaseHeld(); // the receiver answers a malformed message with its alert
            return;
        }
        if (reassembler.hasPartialMessage()) {
            return;
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        boolean changed = false;
        for (HandshakeFrame frame : frames) {
            byte[] original = frame.bytes();
            List<byte[]> replacement = connection.interceptor().handshakeMessage(direction, original);
            changed |= replacement.size() != 1 || !Arrays.equals(replacement.get(0), original);
            replacement.forEach(messages::writeBytes);
        }
        if (!changed) {
            releaseHeld();
            return;
        }
        RecordHeader first = header(heldRecords.get(0));
        heldRecords.clear();
        byte[] all = messages.toByteArray();
        for (int at = 0; at < all.length; at += RecordLimits.MAX_PLAINTEXT_LENGTH) {
            byte[] fragment = Arrays.copyOfRange(all, at, Math.min(all.length, at + RecordLimits.MAX_PLAINTEXT_LENGTH));
            RecordHeader h = new RecordHeader(ContentType.HANDSHAKE, first.version(), fragment.length);
            byte[] r = new byte[RecordLimits.HEADER_LENGTH + fragment.length];
            RecordHeader.write(h.type(), h.version(), fragment.length, r, 0);
            System.arraycopy(fragment, 0, r, RecordLimits.HEADER_LENGTH, fragment.length);
            forward(h, r);
        }
    }

    private void releaseHeld() throws IOException {
        for (byte[] r : heldRecords) {
            forward(header(r), r);
        }
        heldRecords.clear();
    }

    /** Traces the record, then sends it on (sends it first when its key is still to come: see the decryptor). */
    private void forward(RecordHeader header, byte[] record) throws IOException {
        boolean traceAfter = connection.decryptor().keyLineMissing(direction);
        if (!traceAfter) {
            connection.traced(direction, header, record);
        }
        out.write(record);
        out.flush();
        if (traceAfter) {
            connection.traced(direction, header, record);
        }
    }

    /** The record's header, or null when the record layer would refuse it (the receiver will say so). */
    static RecordHeader header(byte[] record) {
        if (record.length < RecordLimits.HEADER_LENGTH) {
            return null;
        }
        try {
            RecordHeader header = RecordHeader.decode(Arrays.copyOf(record, RecordLimits.HEADER_LENGTH));
            return header.length() == record.length - RecordLimits.HEADER_LENGTH ? header : null;
        } catch (TlsAlertException refused) {
            return null;
        }
    }
}
