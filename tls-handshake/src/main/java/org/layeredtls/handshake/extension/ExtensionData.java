package org.layeredtls.handshake.extension;

import org.layeredtls.codec.ByteWriter;

/**
 * The typed contents of one known extension. Each implementation is a record with a
 * {@code static decode(byte[] extensionData)} that reads exactly the extension's data (trailing
 * bytes are {@code decode_error}) and an {@link #encode(ByteWriter)} that writes it back.
 */
public interface ExtensionData {

    /** Which extension this is. */
    ExtensionType type();

    /** Writes {@code extension_data} (without the type and the length prefix). */
    void encode(ByteWriter writer);

    /** {@code extension_data} as bytes. */
    default byte[] encode() {
        ByteWriter writer = new ByteWriter();
        encode(writer);
        return writer.toByteArray();
    }

    /** The wire form, ready for an {@link Extensions} list. */
    default Extension toExtension() {
        return new Extension(type(), encode());
    }
}
