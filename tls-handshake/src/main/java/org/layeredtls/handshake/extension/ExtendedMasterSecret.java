package org.layeredtls.handshake.extension;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteWriter;

/** The extended_master_secret extension (RFC 7627 §5.1): empty; binds the master secret to the session hash. */
public record ExtendedMasterSecret() implements ExtensionData {

    public static ExtendedMasterSecret decode(byte[] extensionData) throws TlsAlertException {
        // RFC 7627 §5.1: "The extension_data field of this extension is empty".
        ExtensionCodec.reader(extensionData).expectEnd("extended_master_secret");
        return new ExtendedMasterSecret();
    }

    @Override
    public void encode(ByteWriter writer) {
        // empty
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EXTENDED_MASTER_SECRET;
    }
}
