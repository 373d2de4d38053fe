package org.layeredtls.handshake.illustrate;

import java.util.List;

import org.layeredtls.handshake.trace.ByteField;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.TLSCiphertext;

/**
 * The fields of a TLS 1.3 record's two inner forms (RFC 8446 §5.2): the TLSInnerPlaintext (content, the
 * real content type, zero padding) and the sealed fragment (encrypted_record, then the AEAD tag).
 */
final class Tls13RecordFields {

    private Tls13RecordFields() {
    }

    /** encrypted_record: the AEAD-sealed TLSInnerPlaintext, the tag at its end; the nonce is not sent. */
    static List<ByteField> protectedFragment(TLSCiphertext ciphertext, Tls13KeyDerivation.TrafficSecret secret, long sequenceNumber,
                                             byte[] iv) {
        int tag = secret.aead().tagLength();
        int sealed = Math.max(0, ciphertext.length() - tag);
        String nonce = "nonce = iv XOR sequence number " + sequenceNumber
                + (iv == null ? "" : " = " + Html.hex(ConnectionState.tls13Nonce(iv, sequenceNumber)));
        return List.of(
                new ByteField(0, sealed, "encrypted_record: the TLSInnerPlaintext sealed with " + secret.aead() + ", key and iv from "
                        + secret.name() + ", " + nonce + ", not sent (RFC 8446 §5.2, §5.3)", 0),
                new ByteField(sealed, ciphertext.length() - sealed,
                        "authentication tag: covers the TLSInnerPlaintext and the record header, the additional data (RFC 8446 §5.2)", 0));
    }

    /** The TLSInnerPlaintext: {@code contentFields} over the content, then the type byte and the zeros. */
    static List<ByteField> innerPlaintext(RecordView r, List<ByteField> contentFields) {
        List<ByteField> fields = new java.util.ArrayList<>(contentFields);
        int content = r.plaintext.length;
        fields.add(new ByteField(content, 1, "type = " + r.type + " (" + r.type.code() + "): the real content type, hidden from the"
                + " header, which says application_data (RFC 8446 §5.2)", 0));
        if (r.compressed.length > content + 1) {
            fields.add(new ByteField(content + 1, r.compressed.length - content - 1, "zeros: padding, hides the content's length"
                    + " (RFC 8446 §5.4)", 0));
        }
        return fields;
    }
}
