package org.layeredtls.handshake.intercept;

import java.io.IOException;

/**
 * A research hook on the sending side of the Handshake protocol (set with
 * {@link org.layeredtls.handshake.api.TlsConfig.Builder#handshakeInterceptor}). It is called with
 * every handshake message before it is sent, and with every ChangeCipherSpec, and decides what
 * goes on the wire through the {@link OutgoingFlight}:
 *
 * <ul>
 *   <li>pass: {@code flight.send(message.message()); flight.flushRecord();} (the default, which is
 *       exactly what the engine does without an interceptor: one record per message);</li>
 *   <li>replace: send another message, or any raw bytes, even malformed ones;</li>
 *   <li>drop: send nothing;</li>
 *   <li>inject: send extra messages or records before or after it;</li>
 *   <li>record boundaries: split a message across records, or send several in one record.</li>
 * </ul>
 *
 * Whatever is sent is hashed into this side's transcript (see {@link OutgoingFlight}), in TLS 1.3 too:
 * our later Finished, CertificateVerify and traffic secrets follow what was sent. The engine otherwise
 * goes on as if the original message had been sent: its own state does not change, except that a client
 * checks the server's EncryptedExtensions against the ClientHello it sent in place of its own (when that
 * decodes), since those are the requests the server answers (RFC 8446 §4.2).
 * {@link org.layeredtls.handshake.research.MessageSubstitution} is a ready-made hook that replaces messages
 * with given bytes.
 */
public interface HandshakeInterceptor {

    /** Passes everything through unchanged. */
    HandshakeInterceptor PASS = new HandshakeInterceptor() { };

    /** Called with each outgoing handshake message, before any of its bytes are sent or hashed. */
    default void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws IOException {
        flight.send(message.message());
        flight.flushRecord();
    }

    /**
     * Called before our ChangeCipherSpec is sent. Returning false drops it from the wire; our write
     * keys switch all the same, so the next record (Finished) goes out protected without it.
     * The flight may be used to inject records first.
     */
    default boolean changeCipherSpec(OutgoingFlight flight) throws IOException {
        return true;
    }
}
