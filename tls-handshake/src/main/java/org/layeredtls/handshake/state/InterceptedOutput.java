package org.layeredtls.handshake.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.HandshakeMessages;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.prf.Tls13Transcript;
import org.layeredtls.handshake.prf.TranscriptHash;
import org.layeredtls.record.ContentType;

/**
 * The sending side of a connection whose configuration has a {@link HandshakeInterceptor}: the
 * engine hands it each message and each ChangeCipherSpec, the interceptor decides what is written.
 * Handshake bytes collect in one record until the interceptor (or the end of the flight) ends it.
 * What is sent is what is hashed (see {@link OutgoingFlight}), into the TLS 1.2 transcript and, message by whole
 * message, into the TLS 1.3 one. Used under the connection's write lock.
 */
final class InterceptedOutput implements OutgoingFlight {

    private final Connection connection;
    private final HandshakeInterceptor interceptor;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final HandshakeMessageBoundaries sent = new HandshakeMessageBoundaries(); // what the observer is told
    private final HandshakeMessageBoundaries tls13Messages = new HandshakeMessageBoundaries(); // what the 1.3 transcript takes
    private TranscriptHash transcript;
    private Tls13Transcript tls13Transcript;
    private ClientHello clientHelloSent; // the last ClientHello as the peer reads it, when it decodes

    InterceptedOutput(Connection connection, HandshakeInterceptor interceptor) {
        this.connection = connection;
        this.interceptor = interceptor;
    }

    /**
     * One message from the engine; {@code hashed} says whether it belongs in the transcript (HelloRequest does not).
     * {@code tls13Transcript}: the TLS 1.3 transcript, null when this handshake has none.
     */
    void message(HandshakeMessage message, byte[] bytes, TranscriptHash transcript, Tls13Transcript tls13Transcript,
                 boolean hashed) throws IOException {
        this.transcript = hashed ? transcript : null;
        this.tls13Transcript = hashed ? tls13Transcript : null;
        try {
            interceptor.message(new OutgoingHandshakeMessage(message, bytes), this);
        } finally {
            this.transcript = null;
            this.tls13Transcript = null;
        }
    }

    /** The last ClientHello sent, as the peer reads it (null if none was sent, or the last did not decode). */
    ClientHello clientHelloSent() {
        return clientHelloSent;
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
        noteClientHello(message);
        connection.config.observer().handshakeMessageSent(message, bytes);
    }

    private void write(byte[] handshakeBytes) {
        if (transcript != null) { // what is sent is what is hashed
            transcript.update(handshakeBytes);
        }
        if (tls13Transcript != null) { // RFC 8446 §4.4.1: the TLS 1.3 transcript is of whole messages
            tls13Messages.add(handshakeBytes).forEach(tls13Transcript::add);
        }
        pending.writeBytes(handshakeBytes);
    }

    private void noteClientHello(HandshakeMessage message) {
        if (message.type() == HandshakeType.CLIENT_HELLO) {
            clientHelloSent = message instanceof ClientHello hello ? hello : null;
        }
    }

    /** A message sent as raw bytes, decoded best-effort for the observer; undecodable bytes are reported raw. */
    private void reportSent(byte[] message) {
        var observer = connection.config.observer();
        try {
            HandshakeType type = HandshakeType.fromCode(message[0] & 0xFF);
            byte[] body = java.util.Arrays.copyOfRange(message, HandshakeFrame.HEADER_LENGTH, message.length);
            HandshakeMessage decoded = HandshakeMessages.decode(type, body, connection.decodeContext());
            noteClientHello(decoded);
            observer.handshakeMessageSent(decoded, message);
        } catch (TlsAlertException | RuntimeException undecodable) {
            if ((message[0] & 0xFF) == HandshakeType.CLIENT_HELLO.code()) {
                clientHelloSent = null;
            }
            observer.undecodableHandshakeSent(message, String.valueOf(undecodable.getMessage()));
        }
    }

    /** Bytes of a message the hook left unfinished, reported raw when no more can follow (a CCS, an alert, the close). */
    void reportCutShort() {
        byte[] rest = sent.takeRest();
        tls13Messages.takeRest(); // never a whole message: the TLS 1.3 transcript cannot take it
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
