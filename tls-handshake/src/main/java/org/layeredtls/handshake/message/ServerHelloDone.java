package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;

/** ServerHelloDone (RFC 5246 §7.4.5): empty; the server's hello flight is complete. */
public record ServerHelloDone() implements HandshakeMessage {

    public static ServerHelloDone decode(byte[] body) throws TlsAlertException {
        MessageCodec.reader(body).expectEnd("ServerHelloDone");
        return new ServerHelloDone();
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        // struct { } ServerHelloDone;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }
}
