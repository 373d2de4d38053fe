package org.layeredtls.handshake.extension;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The record_size_limit extension (RFC 8449 §4): {@code uint16 RecordSizeLimit}, the largest
 * plaintext record the sender is willing to receive. A value below 64 is {@code illegal_parameter}
 * (RFC 8449 §4).
 */
public record RecordSizeLimit(int limit) implements ExtensionData {

    /** RFC 8449 §4: endpoints MUST NOT send a value smaller than 64. */
    public static final int MINIMUM = 64;

    public RecordSizeLimit {
        if (limit < MINIMUM || limit > 0xFFFF) {
            throw new IllegalArgumentException("record_size_limit is 64..65535, not " + limit);
        }
    }

    public static RecordSizeLimit decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        int limit = reader.u16();
        reader.expectEnd("record_size_limit");
        if (limit < MINIMUM) {
            // RFC 8449 §4: receipt of a smaller value is a fatal illegal_parameter.
            throw ExtensionCodec.illegalParameter("record_size_limit " + limit + " is below 64");
        }
        return new RecordSizeLimit(limit);
    }

    @Override
    public void encode(ByteWriter writer) {
        writer.u16(limit);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RECORD_SIZE_LIMIT;
    }
}
