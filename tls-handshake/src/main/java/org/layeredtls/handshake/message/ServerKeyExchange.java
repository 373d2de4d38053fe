package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4): the server's ephemeral DH or ECDH
 * parameters and its signature over {@code client_random + server_random + params}.
 *
 * <p>Which parameters follow is not on the wire: it is the negotiated suite's key exchange, so
 * {@link #decode(byte[], DecodeContext)} takes it from the context. The RSA key exchange has no
 * ServerKeyExchange (RFC 5246 §7.4.3): receiving one is {@code unexpected_message}.
 */
public record ServerKeyExchange(ServerKeyExchangeParams params, DigitallySigned signature) implements HandshakeMessage {

    public static ServerKeyExchange decode(byte[] body, DecodeContext context) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        ServerKeyExchangeParams params = switch (context.keyExchange()) {
            case DHE_RSA -> ServerDhParams.decode(reader);
            case ECDHE_RSA, ECDHE_ECDSA -> ServerEcdhParams.decode(reader);
            // RFC 5246 §7.4.3: "It is not legal to send the server key exchange message for ... RSA".
            case RSA, NULL, ANY -> throw MessageCodec.unexpectedMessage(
                    "no ServerKeyExchange is sent for key exchange " + context.keyExchange());
        };
        DigitallySigned signature = DigitallySigned.decode(reader, context.hasSignatureAlgorithms());
        reader.expectEnd("ServerKeyExchange");
        return new ServerKeyExchange(params, signature);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        params.encode(writer);
        signature.encode(writer);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }
}
