package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * KeyUpdate (RFC 8446 §4.6.3): {@code enum { update_not_requested(0), update_requested(1), (255) }
 * request_update}. The sender has moved to its next traffic secret; update_requested asks the
 * peer to do the same with its own. Any other value is {@code illegal_parameter}.
 */
public record KeyUpdate(boolean updateRequested) implements HandshakeMessage {

    public static final int UPDATE_NOT_REQUESTED = 0;
    public static final int UPDATE_REQUESTED = 1;

    public static KeyUpdate decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        int requestUpdate = reader.u8();
        reader.expectEnd("KeyUpdate");
        // RFC 8446 §4.6.3: "If an implementation receives any other value, it MUST terminate the
        // connection with an "illegal_parameter" alert."
        if (requestUpdate != UPDATE_NOT_REQUESTED && requestUpdate != UPDATE_REQUESTED) {
            throw MessageCodec.illegalParameter("KeyUpdate request_update " + requestUpdate + " is neither 0 nor 1");
        }
        return new KeyUpdate(requestUpdate == UPDATE_REQUESTED);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        writer.u8(updateRequested ? UPDATE_REQUESTED : UPDATE_NOT_REQUESTED);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }
}
