package org.layeredtls.handshake.trace;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSPlaintext;

/**
 * The {@code -explain} mapping as data, for whoever draws a session rather than prints it: the
 * fields of a record's 5-byte header, of its protected fragment, and of its plaintext (each
 * handshake message field by field, extension bodies included). Reads one session's records in
 * order, like a passive observer on the wire: one instance per session.
 */
public final class RecordFields {

    private final HandshakeView view = new HandshakeView();
    private final long[] handshakeBytes = new long[2];
    private final long[] messageStart = new long[2];

    /** The fields of the record header (RFC 5246 §6.2.1), offsets 0 to 4. */
    public static List<ByteField> header(TLSCiphertext ciphertext) {
        List<ByteField> fields = new ArrayList<>();
        header(new ByteWalk(headerBytes(ciphertext), (b, f) -> fields.add(f)), ciphertext);
        return fields;
    }

    static byte[] headerBytes(TLSCiphertext ciphertext) {
        return new byte[] {(byte) ciphertext.type().code(), (byte) ciphertext.version().major(),
                (byte) ciphertext.version().minor(), (byte) (ciphertext.length() >> 8), (byte) ciphertext.length()};
    }

    static void header(ByteWalk h, TLSCiphertext ciphertext) {
        h.field(1, "ContentType = " + Names.contentType(ciphertext.type()) + ": which protocol the fragment belongs to (RFC 5246 §6.2.1)");
        h.field(2, "ProtocolVersion = " + Names.version(ciphertext.version()) + ": the record layer's version (RFC 5246 §6.2.1)");
        h.field(2, "length = " + ciphertext.length() + ": bytes of fragment that follow, at most 2^14 + 2048 (RFC 5246 §6.2.3)");
    }

    /**
     * The fields of a protected fragment (offsets from the fragment's first byte) under {@code spec}:
     * the explicit IV or nonce, the encrypted bytes, and a MAC or tag that is sent in the clear.
     */
    public static List<ByteField> protectedFragment(TLSCiphertext ciphertext, CipherSpec spec) {
        List<ByteField> fields = new ArrayList<>();
        ByteWalk w = new ByteWalk(ciphertext.fragment(), (b, f) -> fields.add(f));
        try {
            switch (spec.type()) {
                case AEAD -> {
                    int nonce = spec.bulkCipher().recordIvLength();
                    if (nonce > 0) {
                        w.field(nonce, "nonce_explicit: the per-record part of the AEAD nonce, sent in the clear (RFC 5288 §3)");
                    }
                    w.field(w.remaining() - spec.bulkCipher().tagLength(),
                            "aead-ciphered content: the plaintext encrypted with " + spec.bulkCipher() + " (RFC 5246 §6.2.3.3)");
                    w.rest("authentication tag: covers the content, the sequence number and the header (RFC 5246 §6.2.3.3)");
                }
                case BLOCK -> {
                    if (ciphertext.version().compareTo(ProtocolVersion.TLS1_1) >= 0) {
                        w.field(spec.bulkCipher().recordIvLength(), "IV: this record's explicit CBC initialization vector (RFC 5246 §6.2.3.2)");
                    }
                    if (spec.encryptThenMac()) {
                        w.field(w.remaining() - spec.mac().macLength(), "block-ciphered content and padding (RFC 7366 §3)");
                        w.rest("MAC over the ciphertext, in the clear: encrypt-then-MAC (RFC 7366 §3)");
                    } else {
                        w.rest("block-ciphered content, MAC, padding and padding_length (RFC 5246 §6.2.3.2)");
                    }
                }
                case STREAM -> w.rest(spec.bulkCipher() == org.layeredtls.record.BulkCipherAlgorithm.NULL
                        ? "content and MAC, not encrypted (RFC 5246 §6.2.3.1)"
                        : "stream-ciphered content and MAC (RFC 5246 §6.2.3.1)");
            }
        } catch (ByteWalk.Truncated e) {
            w.rest(e.getMessage());
        }
        return fields;
    }

    /**
     * The fields of a record's plaintext fragment, offsets from its first byte. A handshake message
     * that began in an earlier record of the same direction is reported when it completes, with the
     * negative offsets of its first fields: the caller places them in the records they came in.
     */
    public List<ByteField> plaintext(boolean outgoing, TLSPlaintext plaintext) {
        List<ByteField> fields = new ArrayList<>();
        byte[] fragment = plaintext.fragment();
        switch (plaintext.type()) {
            case HANDSHAKE -> handshake(outgoing, fragment, fields);
            default -> nonHandshake(new ByteWalk(fragment, (b, f) -> fields.add(f)), plaintext, view.isTls13());
        }
        return fields;
    }

    private void handshake(boolean outgoing, byte[] fragment, List<ByteField> fields) {
        int d = outgoing ? 0 : 1;
        long recordStart = handshakeBytes[d];
        handshakeBytes[d] += fragment.length;
        for (HandshakeView.Found found : view.add(outgoing, fragment)) {
            if (found.frame() == null) {
                fields.add(new ByteField(0, fragment.length, "handshake bytes that do not frame: " + found.error(), 0));
                messageStart[d] = handshakeBytes[d];
                continue;
            }
            int shift = (int) (messageStart[d] - recordStart);
            messageStart[d] += found.frame().bytes().length;
            MessageExplainer.explain(new ByteWalk(found.frame().bytes(),
                    (b, f) -> fields.add(new ByteField(f.offset() + shift, f.length(), f.meaning(), f.depth()))), found);
        }
    }

    /** The handshake message whose msg_type {@code field} is (client_hello, finished, ...), if it is one. */
    public static java.util.Optional<String> messageName(ByteField field) {
        String prefix = "msg_type = ";
        if (field.depth() != 0 || field.length() != 1 || !field.meaning().startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(field.meaning().substring(prefix.length(), field.meaning().indexOf('(')));
    }

    /** ChangeCipherSpec, alert and application data: what -explain says of them ({@code tls13}: after a ServerHello that chose 1.3). */
    static void nonHandshake(ByteWalk w, TLSPlaintext plaintext, boolean tls13) {
        byte[] fragment = plaintext.fragment();
        switch (plaintext.type()) {
            case CHANGE_CIPHER_SPEC -> w.rest(tls13
                    ? "change_cipher_spec (1): in TLS 1.3 only for middleboxes that expect one: never protected, it changes"
                    + " nothing, and the receiver drops it (RFC 8446 Appendix D.4, §5)"
                    : "change_cipher_spec (1): from the next record on, this side protects its records with the new keys (RFC 5246 §7.1)");
            case ALERT -> {
                if (fragment.length == 2) {
                    w.field(1, "AlertLevel = " + (fragment[0] == 2 ? "fatal(2): the connection ends now" : "warning(" + fragment[0] + ")") + " (RFC 5246 §7.2)");
                    w.field(1, "AlertDescription: " + TracePrinter.alert(fragment).replaceFirst(".*description=", "") + " (RFC 5246 §7.2)");
                } else {
                    w.rest("a malformed alert");
                }
            }
            case APPLICATION_DATA -> w.rest("application data: the bytes the application wrote, opaque to TLS (RFC 5246 §10)");
            default -> w.rest("handshake bytes");
        }
    }
}
