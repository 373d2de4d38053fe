package org.layeredtls.handshake.extension;

import java.util.Arrays;
import java.util.List;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/** The ec_point_formats extension (RFC 8422 §5.1.2): {@code ECPointFormat ec_point_format_list<1..2^8-1>}. */
public record EcPointFormats(List<Integer> formats) implements ExtensionData {

    public EcPointFormats {
        formats = ExtensionCodec.checkCodes(formats, 0xFF, 1, 0xFF, "ec_point_format_list");
    }

    public static EcPointFormats of(EcPointFormat... formats) {
        return new EcPointFormats(Arrays.stream(formats).map(EcPointFormat::code).toList());
    }

    public static EcPointFormats decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        ByteReader list = reader.sub(reader.u8());
        reader.expectEnd("ec_point_formats");
        if (list.isEmpty()) {
            throw list.error("ec_point_format_list<1..2^8-1> is empty");
        }
        return new EcPointFormats(ExtensionCodec.u8List(list));
    }

    @Override
    public void encode(ByteWriter writer) {
        ExtensionCodec.writeU8List(writer, formats);
    }

    /** Whether the uncompressed format, the one RFC 8422 §5.1.2 requires, is listed. */
    public boolean includesUncompressed() {
        return formats.contains(EcPointFormat.UNCOMPRESSED.code());
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EC_POINT_FORMATS;
    }
}
