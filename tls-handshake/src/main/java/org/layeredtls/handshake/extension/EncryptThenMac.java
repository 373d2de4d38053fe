package org.layeredtls.handshake.extension;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;

/** The encrypt_then_mac extension (RFC 7366 §2): empty; its presence asks for encrypt-then-MAC with CBC suites. */
public record EncryptThenMac() implements ExtensionData {

    public static EncryptThenMac decode(byte[] extensionData) throws TlsAlertException {
        // RFC 7366 §2: "the extension_data field of this extension SHALL be empty".
        ExtensionCodec.reader(extensionData).expectEnd("encrypt_then_mac");
        return new EncryptThenMac();
    }

    @Override
    public void encode(ByteWriter writer) {
        // empty
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.ENCRYPT_THEN_MAC;
    }
}
