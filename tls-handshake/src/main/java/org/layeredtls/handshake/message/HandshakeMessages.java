package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;

/**
 * Decodes a framed handshake message into its record, choosing the codec by type and by the
 * negotiated version. Several bodies cannot be read without knowing the version and the key
 * exchange; the {@link DecodeContext} carries them (see {@link ServerKeyExchange},
 * {@link CertificateRequest}, {@link CertificateVerify}, {@link ClientKeyExchange}, {@link Finished}).
 * TLS 1.3 (RFC 8446 §4) reuses some type codes with new bodies (Certificate, CertificateRequest,
 * NewSessionTicket) and drops others; a message of a type the negotiated version does not have is
 * {@code unexpected_message}.
 */
public final class HandshakeMessages {

    private HandshakeMessages() {
    }

    public static HandshakeMessage decode(HandshakeFrame frame, DecodeContext context) throws TlsAlertException {
        return decode(frame.type(), frame.body(), context);
    }

    /** Decodes a body of the given type; trailing bytes or a bad length are {@code decode_error}. */
    public static HandshakeMessage decode(HandshakeType type, byte[] body, DecodeContext context) throws TlsAlertException {
        return context.isTls13() ? decodeTls13(type, body, context) : decodeUpToTls12(type, body, context);
    }

    /** SSL 3.0 to TLS 1.2 (RFC 5246 §7.4, RFC 6101 §5.6, RFC 5077 §3.3). */
    private static HandshakeMessage decodeUpToTls12(HandshakeType type, byte[] body, DecodeContext context)
            throws TlsAlertException {
        return switch (type) {
            case HELLO_REQUEST -> HelloRequest.decode(body);
            case CLIENT_HELLO -> ClientHello.decode(body);
            case SERVER_HELLO -> ServerHello.decode(body);
            case NEW_SESSION_TICKET -> NewSessionTicket.decode(body);
            case CERTIFICATE -> Certificate.decode(body);
            case SERVER_KEY_EXCHANGE -> ServerKeyExchange.decode(body, context);
            case CERTIFICATE_REQUEST -> CertificateRequest.decode(body, context);
            case SERVER_HELLO_DONE -> ServerHelloDone.decode(body);
            case CERTIFICATE_VERIFY -> CertificateVerify.decode(body, context);
            case CLIENT_KEY_EXCHANGE -> ClientKeyExchange.decode(body, context);
            case FINISHED -> Finished.decode(body, context.verifyDataLength());
            case END_OF_EARLY_DATA, ENCRYPTED_EXTENSIONS, KEY_UPDATE, MESSAGE_HASH -> throw notIn(type, context);
        };
    }

    /** TLS 1.3 (RFC 8446 §4). */
    private static HandshakeMessage decodeTls13(HandshakeType type, byte[] body, DecodeContext context)
            throws TlsAlertException {
        return switch (type) {
            case CLIENT_HELLO -> ClientHello.decode(body);
            case SERVER_HELLO -> ServerHello.decode(body);
            case END_OF_EARLY_DATA -> EndOfEarlyData.decode(body);
            case ENCRYPTED_EXTENSIONS -> EncryptedExtensions.decode(body);
            case CERTIFICATE -> Tls13Certificate.decode(body);
            case CERTIFICATE_REQUEST -> Tls13CertificateRequest.decode(body);
            case CERTIFICATE_VERIFY -> CertificateVerify.decode(body, context);
            case FINISHED -> Finished.decodeTls13(body, context.verifyDataLength());
            case NEW_SESSION_TICKET -> Tls13NewSessionTicket.decode(body);
            case KEY_UPDATE -> KeyUpdate.decode(body);
            // RFC 8446 §4.4.1: message_hash only stands in the transcript; on the wire it is unexpected.
            case HELLO_REQUEST, SERVER_KEY_EXCHANGE, SERVER_HELLO_DONE, CLIENT_KEY_EXCHANGE, MESSAGE_HASH ->
                    throw notIn(type, context);
        };
    }

    private static TlsAlertException notIn(HandshakeType type, DecodeContext context) {
        return MessageCodec.unexpectedMessage(type.rfcName() + " is not a " + context.version().displayName() + " message");
    }
}
