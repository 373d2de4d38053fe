package org.layeredtls.handshake.extension;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;

/**
 * The max_fragment_length extension (RFC 6066 §4): one byte, 1..4, asking for records of at most
 * 2^9, 2^10, 2^11 or 2^12 bytes. Any other value is {@code illegal_parameter} (RFC 6066 §4).
 */
public record MaxFragmentLength(int code) implements ExtensionData {

    public MaxFragmentLength {
        if (code < 1 || code > 4) {
            throw new IllegalArgumentException("max_fragment_length is 1..4, not " + code);
        }
    }

    /** The extension for a length of 512, 1024, 2048 or 4096 bytes. */
    public static MaxFragmentLength ofLength(int length) {
        for (int code = 1; code <= 4; code++) {
            if (1 << (8 + code) == length) {
                return new MaxFragmentLength(code);
            }
        }
        throw new IllegalArgumentException("max_fragment_length is 512, 1024, 2048 or 4096, not " + length);
    }

    public static MaxFragmentLength decode(byte[] extensionData) throws TlsAlertException {
        ByteReader reader = ExtensionCodec.reader(extensionData);
        int code = reader.u8();
        reader.expectEnd("max_fragment_length");
        if (code < 1 || code > 4) {
            // RFC 6066 §4: a value outside the enumeration is illegal_parameter.
            throw ExtensionCodec.illegalParameter("max_fragment_length " + code + " is not 1..4");
        }
        return new MaxFragmentLength(code);
    }

    @Override
    public void encode(ByteWriter writer) {
        writer.u8(code);
    }

    /** The maximum fragment length in bytes: 2^(8 + code). */
    public int length() {
        return 1 << (8 + code);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.MAX_FRAGMENT_LENGTH;
    }
}
