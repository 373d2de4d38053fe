package org.layeredtls.handshake.message;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.extension.Extensions;

/**
 * EncryptedExtensions (RFC 8446 §4.3.1): {@code Extension extensions<0..2^16-1>}, the server's
 * answers that need not be in the clear ServerHello (server_name, ALPN, supported_groups,
 * early_data...). It is the first message under the handshake traffic keys.
 */
public record EncryptedExtensions(Extensions extensions) implements HandshakeMessage {

    public static EncryptedExtensions decode(byte[] body) throws TlsAlertException {
        ByteReader reader = MessageCodec.reader(body);
        Extensions extensions = Extensions.decode(reader);
        reader.expectEnd("EncryptedExtensions");
        return new EncryptedExtensions(extensions);
    }

    @Override
    public void encodeBody(ByteWriter writer) {
        extensions.encode(writer);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }
}
