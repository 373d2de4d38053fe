package org.layeredtls.record;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The 5-byte header in front of every record (RFC 5246 §6.2.1):
 * <pre>
 *   ContentType type;        // 1 byte
 *   ProtocolVersion version; // 2 bytes
 *   uint16 length;           // 2 bytes: the length of the fragment that follows
 * </pre>
 */
public record RecordHeader(ContentType type, ProtocolVersion version, int length) {

    public RecordHeader {
        if (length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("record length " + length + " does not fit 16 bits");
        }
    }

    /** Decodes the header; an unknown content type is {@code unexpected_message}. */
    public static RecordHeader decode(ByteReader reader) throws TlsAlertException {
        ContentType type = ContentType.fromCode(reader.u8());
        ProtocolVersion version = ProtocolVersion.fromCode(reader.u16());
        return new RecordHeader(type, version, reader.u16());
    }

    /** Decodes a header from exactly five bytes. */
    public static RecordHeader decode(byte[] header) throws TlsAlertException {
        ByteReader reader = new ByteReader(header, TlsLayer.RECORD);
        RecordHeader decoded = decode(reader);
        reader.expectEnd("the record header");
        return decoded;
    }

    public void encode(ByteWriter writer) {
        writer.u8(type.code()).u16(version.code()).u16(length);
    }

    /** Writes the header into {@code out} at {@code offset}: the hot path, without a writer. */
    public static void write(ContentType type, ProtocolVersion version, int length, byte[] out, int offset) {
        out[offset] = (byte) type.code();
        out[offset + 1] = (byte) version.major();
        out[offset + 2] = (byte) version.minor();
        out[offset + 3] = (byte) (length >>> 8);
        out[offset + 4] = (byte) length;
    }

    public byte[] encode() {
        ByteWriter writer = new ByteWriter(RecordLimits.HEADER_LENGTH);
        encode(writer);
        return writer.toByteArray();
    }
}
