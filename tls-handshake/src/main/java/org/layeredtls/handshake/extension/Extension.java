package org.layeredtls.handshake.extension;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * One extension as it is on the wire (RFC 5246 §7.4.1.4): a two-byte type and opaque
 * {@code extension_data<0..2^16-1>}. The type is kept as a plain code so that unknown extensions
 * survive a decode/encode round trip; the typed codecs in this package read and write the data.
 */
public record Extension(int type, byte[] data) {

    public Extension {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("an extension type is two bytes, not " + type);
        }
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("extension_data is at most 2^16-1 bytes, not " + data.length);
        }
        data = data.clone();
    }

    /** An extension of a known type. */
    public Extension(ExtensionType type, byte[] data) {
        this(type.code(), data);
    }

    /** Reads {@code ExtensionType extension_type; opaque extension_data<0..2^16-1>}. */
    public static Extension decode(ByteReader reader) throws TlsAlertException {
        int type = reader.u16();
        return new Extension(type, reader.vector16());
    }

    public void encode(ByteWriter writer) {
        writer.u16(type).vector16(data);
    }

    /** The type, if this stack knows it. */
    public Optional<ExtensionType> knownType() {
        return ExtensionType.fromCode(type);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Extension that && type == that.type && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return ExtensionType.nameOf(type) + "[" + HexFormat.of().formatHex(data) + "]";
    }
}
