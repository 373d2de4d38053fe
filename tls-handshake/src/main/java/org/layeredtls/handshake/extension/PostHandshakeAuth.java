package org.layeredtls.handshake.extension;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;

/**
 * The post_handshake_auth extension (RFC 8446 §4.2.6): empty; a client that sends it lets the
 * server ask for its certificate after the handshake, with a CertificateRequest (RFC 8446 §4.6.2).
 */
public record PostHandshakeAuth() implements ExtensionData {

    public static PostHandshakeAuth decode(byte[] extensionData) throws TlsAlertException {
        // RFC 8446 §4.2.6: "The "extension_data" field of the "post_handshake_auth" extension is zero length."
        ExtensionCodec.reader(extensionData).expectEnd("post_handshake_auth");
        return new PostHandshakeAuth();
    }

    @Override
    public void encode(ByteWriter writer) {
        // empty
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.POST_HANDSHAKE_AUTH;
    }
}
