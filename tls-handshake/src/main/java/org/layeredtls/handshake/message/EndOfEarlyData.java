package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;

/**
 * EndOfEarlyData (RFC 8446 §4.5): empty; the client's last 0-RTT message, under the early
 * traffic keys, after which it switches to its handshake traffic keys.
 */
public record EndOfEarlyData() implements HandshakeMessage {

    public static EndOfEarlyData decode(byte[] body) throws TlsAlertException {
        MessageCodec.reader(body).expectEnd("EndOfEarlyData");
        return new EndOfEarlyData();
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        // struct {} EndOfEarlyData;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }
}
