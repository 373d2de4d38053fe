package org.layeredtls.handshake.intercept;

import java.io.IOException;

import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.record.ContentType;

/**
 * What a {@link HandshakeInterceptor} writes through: the handshake bytes this side sends, and
 * where the records around them begin and end.
 *
 * <p>Handshake bytes given to {@link #send(byte[])} collect in the current handshake record until
 * {@link #flushRecord()} (or the end of the flight, or a ChangeCipherSpec) ends it; so one message
 * may be split across records ({@code send(a); flushRecord(); send(b)}) and several may share one
 * record (send them without flushing). A record longer than the fragment limit is still cut by the
 * record layer.
 *
 * <p><b>The transcript rule.</b> Every byte given to {@code send} goes into this side's handshake
 * transcript exactly as it is sent: what is sent is what is hashed. The TLS 1.3 transcript (RFC 8446
 * §4.4.1) takes whole messages, cut by their headers as the peer reads them: a message split across
 * {@code send} calls is hashed once complete, and one never completed is not hashed. A tampered message therefore
 * leaves both sides with different transcripts, and it is the peer that detects it (at the latest
 * when it checks our Finished), never this side.
 */
public interface OutgoingFlight {

    /**
     * Appends raw handshake-protocol bytes (any bytes, even malformed) to the current handshake record;
     * they are hashed. The observer hears of each message they complete, cut by its header as the peer
     * will read it and decoded ({@code handshakeMessageSent}), or raw when it does not decode
     * ({@code undecodableHandshakeSent}; a message left cut short at the next ChangeCipherSpec, alert or close).
     */
    void send(byte[] handshakeBytes) throws IOException;

    /** Encodes {@code message} (header included), sends and hashes it, and reports it to the observer. */
    void send(HandshakeMessage message) throws IOException;

    /** Ends the current handshake record: the bytes sent since the last record boundary go out as one record. */
    void flushRecord() throws IOException;

    /** Handshake bytes waiting in the current record. */
    int pendingLength();

    /**
     * Writes one record of any content type under the current write state, after ending the current
     * handshake record. Nothing is hashed and no state changes: {@code sendRecord(CHANGE_CIPHER_SPEC, {1})}
     * injects a ChangeCipherSpec without switching keys.
     */
    void sendRecord(ContentType type, byte[] fragment) throws IOException;

    /** Injects a ChangeCipherSpec record ({@code 0x01}) now, without switching our keys. */
    default void injectChangeCipherSpec() throws IOException {
        sendRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
    }

    /** Whether this side is the client. */
    boolean client();
}
