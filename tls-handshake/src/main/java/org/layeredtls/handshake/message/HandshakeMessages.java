package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;

/**
 * Decodes a framed handshake message into its record, choosing the codec by type. Several bodies
 * cannot be read without knowing the version and the key exchange; the {@link DecodeContext}
 * carries them (see {@link ServerKeyExchange}, {@link CertificateRequest},
 * {@link CertificateVerify}, {@link ClientKeyExchange}, {@link Finished}).
 */
public final class HandshakeMessages {

    private HandshakeMessages() {
    }

    public static HandshakeMessage decode(HandshakeFrame frame, DecodeContext context) throws TlsAlertException {
        return decode(frame.type(), frame.body(), context);
    }

    /** Decodes a body of the given type; trailing bytes or a bad length are {@code decode_error}. */
    public static HandshakeMessage decode(HandshakeType type, byte[] body, DecodeContext context) throws TlsAlertException {
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
        };
    }
}
