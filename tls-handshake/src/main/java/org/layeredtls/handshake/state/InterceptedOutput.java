package org.layeredtls.handshake.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.record.ContentType;

/**
 * The sending side of a connection whose configuration has a {@link HandshakeInterceptor}: the
 * engine hands it each message and each ChangeCipherSpec, the interceptor decides what is written.
 * Handshake bytes collect in one record until the interceptor (or the end of the flight) ends it.
 * What is sent is what is hashed (see {@link OutgoingFlight}). Used under the connection's write lock.
 */
final class InterceptedOutput implements OutgoingFlight {

    private final Connection connection;
    private final HandshakeInterceptor interceptor;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final HandshakeMessageBoundaries sent = new HandshakeMessageBoundaries(); // what the observer is told
    private TranscriptHash transcript;

    InterceptedOutput(Connection connection, HandshakeInterceptor interceptor) {
        this.connection = connection;
        this.interceptor = interceptor;
    }

    /** One message from the engine; {@code hashed} says whether it belongs in the transcript (HelloRequest does not). */
    void message(HandshakeMessage message, byte[] bytes, TranscriptHash transcript, boolean hashed) throws IOException {
        this.transcript = hashed ? transcript : null;
        try {
            interceptor.message(new OutgoingHandshakeMessage(message, bytes), this);
        } finally {
            this.transcript = null;
        }
    }

    /** Our ChangeCipherSpec is due: returns whether it should go on the wire. */
    boolean changeCipherSpec() throws IOException {
        flushRecord();
        reportCutShort();
        boolean send = interceptor.changeCipherSpec(this);
        flushRecord();
        return send;
    }

    @Override
    public void send(byte[] handshakeBytes) throws IOException {
        write(handshakeBytes);
        // The observer hears of each message these bytes complete, as the peer will cut them.
        for (byte[] message : sent.add(handshakeBytes)) {
            reportSent(message);
        }
    }

    @Override
    public void send(HandshakeMessage message) throws IOException {
        byte[] bytes = HandshakeFrame.of(message).bytes();
        if (sent.pendingLength() > 0) { // it completes a message cut short: the peer reads them as one
            send(bytes);
            return;
        }
        write(bytes);
        connection.config.observer().handshakeMessageSent(message, bytes);
    }

    private void write(byte[] handshakeBytes) {
        if (transcript != null) { // what is sent is what is hashed
            transcript.update(handshakeBytes);
        }
        pending.writeBytes(handshakeBytes);
    }

    /** A message sent as raw bytes, decoded best-effort for the observer; undecodable bytes are reported raw. */
    private void reportSent(byte[] message) {
        var observer = connection.config.observer();
        try {
            HandshakeType type = HandshakeType.fromCode(message[0] & 0xFF);
            byte[] body = java.util.Arrays.copyOfRange(message, HandshakeFrame.HEADER_LENGTH, message.length);
            observer.handshakeMessageSent(HandshakeMessages.decode(type, body, connection.decodeContext()), message);
        } catch (TlsAlertException | RuntimeException undecodable) {
            observer.undecodableHandshakeSent(message, String.valueOf(undecodable.getMessage()));
        }
    }

    /** Bytes of a message the hook left unfinished, reported raw when no more can follow (a CCS, an alert, the close). */
    void reportCutShort() {
        byte[] rest = sent.takeRest();
        if (rest.length > 0) {
            connection.config.observer().undecodableHandshakeSent(rest,
                    "a handshake message cut short: " + rest.length + " bytes sent of it");
        }
    }

    @Override
    public void flushRecord() throws IOException {
        if (pending.size() > 0) {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            connection.records.write(ContentType.HANDSHAKE, bytes);
        }
    }

    @Override
    public int pendingLength() {
        return pending.size();
    }

    @Override
    public void sendRecord(ContentType type, byte[] fragment) throws IOException {
        flushRecord();
        connection.records.write(type, fragment);
    }

    @Override
    public boolean client() {
        return connection.client;
    }
}
