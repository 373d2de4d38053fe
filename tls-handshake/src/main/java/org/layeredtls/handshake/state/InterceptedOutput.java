package org.layeredtls.handshake.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
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
        boolean send = interceptor.changeCipherSpec(this);
        flushRecord();
        return send;
    }

    @Override
    public void send(byte[] handshakeBytes) throws IOException {
        if (transcript != null) { // what is sent is what is hashed
            transcript.update(handshakeBytes);
        }
        pending.write(handshakeBytes);
    }

    @Override
    public void send(HandshakeMessage message) throws IOException {
        byte[] bytes = HandshakeFrame.of(message).bytes();
        send(bytes);
        connection.config.observer().handshakeMessageSent(message, bytes);
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
