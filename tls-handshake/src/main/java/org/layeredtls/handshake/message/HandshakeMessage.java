package org.layeredtls.handshake.message;

import org.layeredtls.codec.ByteWriter;

/**
 * One handshake message (RFC 5246 §7.4): {@code msg_type(1) || length(3) || body}. Each message
 * is an immutable record; this interface frames its body.
 *
 * <p>Decoding goes the other way through {@link HandshakeReassembler} (bytes from records to
 * framed messages) and {@link HandshakeMessages#decode} (a framed message to its record).
 */
public sealed interface HandshakeMessage permits HelloRequest, ClientHello, ServerHello, Certificate,
        ServerKeyExchange, CertificateRequest, ServerHelloDone, CertificateVerify, ClientKeyExchange,
        Finished, NewSessionTicket, EncryptedExtensions, Tls13Certificate, Tls13CertificateRequest,
        Tls13NewSessionTicket, KeyUpdate, EndOfEarlyData {

    /** The message type byte. */
    HandshakeType type();

    /** Writes the body, without the 4-byte header. */
    void encodeBody(ByteWriter writer);

    /** Writes the whole message: type, 3-byte length, body. */
    default void encode(ByteWriter writer) {
        writer.u8(type().code());
        int mark = writer.beginVector24();
        encodeBody(writer);
        writer.endVector24(mark);
    }

    /** The whole message as bytes, as the transcript hash sees it. */
    default byte[] encode() {
        ByteWriter writer = new ByteWriter();
        encode(writer);
        return writer.toByteArray();
    }

    /** The body alone. */
    default byte[] encodeBody() {
        ByteWriter writer = new ByteWriter();
        encodeBody(writer);
        return writer.toByteArray();
    }
}
