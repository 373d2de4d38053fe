package org.layeredtls.handshake.message;

import org.layeredtls.codec.ByteWriter;

/**
 * The key exchange parameters of a ServerKeyExchange, which the server signs together with both
 * randoms (RFC 5246 §7.4.3; RFC 8422 §5.4).
 */
public sealed interface ServerKeyExchangeParams permits ServerDhParams, ServerEcdhParams {

    void encode(ByteWriter writer);

    /** The parameters' exact bytes, as they enter the signature. */
    default byte[] encode() {
        ByteWriter writer = new ByteWriter();
        encode(writer);
        return writer.toByteArray();
    }
}
