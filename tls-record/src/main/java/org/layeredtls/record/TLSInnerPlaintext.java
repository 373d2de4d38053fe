package org.layeredtls.record;

import java.util.Arrays;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * What a TLS 1.3 record encrypts (RFC 8446 §5.2): the content, then its real content type, then
 * zeros. The record header outside always says application_data, so the type travels inside the
 * ciphertext and the zeros (padding) hide how long the content is.
 *
 * <pre>
 * struct {
 *     opaque content[TLSPlaintext.length];
 *     ContentType type;
 *     uint8 zeros[length_of_padding];
 * } TLSInnerPlaintext;
 * </pre>
 *
 * <p>TLS 1.3 has no compression: this form takes the place TLSCompressed had in TLS 1.2, and
 * {@link RecordObserver}s see it there. The static methods are the record layer's hot path (no
 * allocation); the record is the immutable form for observers and tests.
 */
public record TLSInnerPlaintext(byte[] content, ContentType type, int zeros) {

    public TLSInnerPlaintext {
        content = content.clone();
        if (zeros < 0) {
            throw new IllegalArgumentException("a negative padding length: " + zeros);
        }
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The encoded length: content, one type byte, the zeros. */
    public int length() {
        return content.length + 1 + zeros;
    }

    /** The encoded bytes: content || type || zeros. */
    public byte[] encode() {
        byte[] out = new byte[length()];
        write(type, content, 0, content.length, zeros, out, 0);
        return out;
    }

    /** Decodes one TLSInnerPlaintext, checked as {@link #typeOffset} checks it. */
    public static TLSInnerPlaintext decode(byte[] encoded) throws TlsAlertException {
        int typeOffset = typeOffset(encoded, 0, encoded.length);
        return new TLSInnerPlaintext(Arrays.copyOf(encoded, typeOffset),
                ContentType.fromCode(encoded[typeOffset] & 0xFF), encoded.length - typeOffset - 1);
    }

    /**
     * Writes content || type || zeros into {@code out} at {@code outOff}.
     *
     * @return the encoded length, {@code length + 1 + zeros}
     */
    public static int write(ContentType type, byte[] content, int contentOff, int length, int zeros,
                            byte[] out, int outOff) {
        System.arraycopy(content, contentOff, out, outOff, length);
        out[outOff + length] = (byte) type.code();
        Arrays.fill(out, outOff + length + 1, outOff + length + 1 + zeros, (byte) 0);
        return length + 1 + zeros;
    }

    /**
     * Finds the content type: RFC 8446 §5.4, "the receiving implementation scans the field from the
     * end toward the beginning until it finds a non-zero octet. This non-zero octet is the content
     * type of the message." The content is everything before it.
     *
     * @return the offset of the content type byte, relative to {@code offset}: the content's length
     * @throws TlsAlertException {@code unexpected_message} when every byte is zero: RFC 8446 §5.4,
     *         "If a receiving implementation does not find a non-zero octet in the cleartext, it MUST
     *         terminate the connection with an unexpected_message alert"
     */
    public static int typeOffset(byte[] encoded, int offset, int length) throws TlsAlertException {
        for (int i = length - 1; i >= 0; i--) {
            if (encoded[offset + i] != 0) {
                return i;
            }
        }
        throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                "a TLS 1.3 record whose " + length + "-byte inner plaintext is all zeros: it has no content type");
    }

    /**
     * The inner content type and the rules it must follow (RFC 8446 §5, §5.4).
     *
     * @param contentLength the content's length (what {@link #typeOffset} returned)
     * @throws TlsAlertException {@code unexpected_message} for an unknown type, for a protected
     *         change_cipher_spec (§5: "receives a protected change_cipher_spec record MUST abort the
     *         handshake with an unexpected_message alert"), and for an empty handshake or alert content
     *         (§5.4: "Implementations MUST NOT send Handshake and Alert records that have a zero-length
     *         TLSInnerPlaintext.content")
     */
    public static ContentType checkedType(int typeByte, int contentLength) throws TlsAlertException {
        ContentType type = ContentType.fromCode(typeByte & 0xFF);
        if (type == ContentType.CHANGE_CIPHER_SPEC) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                    "a protected change_cipher_spec record: TLS 1.3 sends it only in the clear");
        }
        if (contentLength == 0 && type != ContentType.APPLICATION_DATA) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                    "an empty " + type + " record");
        }
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TLSInnerPlaintext that && type == that.type && zeros == that.zeros
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + zeros) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "TLSInnerPlaintext[" + type + ", content " + content.length + " bytes, " + zeros + " zeros]";
    }
}
