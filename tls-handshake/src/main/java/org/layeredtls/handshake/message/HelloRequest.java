package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;

/**
 * HelloRequest (RFC 5246 §7.4.1.1): an empty message by which a server asks the client to start a
 * new handshake. It is not part of the transcript hash.
 */
public record HelloRequest() implements HandshakeMessage {

    public static HelloRequest decode(byte[] body) throws TlsAlertException {
        MessageCodec.reader(body).expectEnd("HelloRequest");
        return new HelloRequest();
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        // struct { } HelloRequest;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }
}
