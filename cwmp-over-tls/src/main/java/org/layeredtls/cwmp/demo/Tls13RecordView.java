package org.layeredtls.cwmp.demo;

import java.util.Locale;

import org.layeredtls.alert.Alert;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/**
 * What a capture of one TLS 1.3 connection says that a TLS 1.2 capture does not (RFC 8446 §5, §6, §7, §D.4):
 * every protected record is application_data {3,3} outside ({@code 17 03 03}) and carries its real content
 * type inside (TLSInnerPlaintext); the keys change where the key schedule says, each direction on its own,
 * with no ChangeCipherSpec protocol; a change_cipher_spec is only the middlebox-compatibility gesture;
 * alerts are encrypted and close_notify closes the sender's write side only.
 *
 * <p>One instance per connection: it counts each direction's key changes to name the traffic secret.
 */
final class Tls13RecordView {

    private final boolean selfIsClient;
    private int readKeyChanges;
    private int writeKeyChanges;

    /** @param selfIsClient whether the side the trace watches is the client */
    Tls13RecordView(boolean selfIsClient) {
        this.selfIsClient = selfIsClient;
    }

    /**
     * The note after a protected record's header: the outer header bytes as on the wire, then what is inside,
     * e.g. {@code [17 03 03 00 1b, encrypted; inner type Handshake(22), plaintext 10 bytes, padding 0, tag 16]}.
     */
    static String protectedRecordNote(TLSPlaintext plaintext, TLSCompressed inner, TLSCiphertext ciphertext) {
        int length = ciphertext.length();
        String header = String.format(Locale.ROOT, "%02x %02x %02x %02x %02x", ciphertext.type().code(),
                ciphertext.version().major(), ciphertext.version().minor(), length >> 8, length & 0xff);
        // RFC 8446 §5.2: TLSInnerPlaintext = content, the one-byte real type, zero padding; then the AEAD tag
        int padding = inner.length() - plaintext.length() - 1;
        return "[" + header + ", encrypted; inner type " + CaptureTrace.name(plaintext.type()) + ", plaintext "
                + plaintext.length() + " bytes, padding " + padding + ", tag " + (length - inner.length()) + "]";
    }

    /** RFC 8446 §D.4: the change_cipher_spec of middlebox compatibility, as what it is. */
    static String compatibilityChangeCipherSpec(byte[] content) {
        return "ChangeCipherSpec (" + (content.length == 1 ? content[0] : "?") + "): middlebox compatibility only"
                + " (RFC 8446 §D.4): in the clear, no key change; the peer drops it. TLS 1.3 has no ChangeCipherSpec protocol";
    }

    /** The alert line's TLS 1.3 addition: encrypted, and close_notify closes one direction. */
    static String alertNote(Alert alert, String sender) {
        if (alert.description() == AlertDescription.CLOSE_NOTIFY) {
            return "  (encrypted; closes " + sender + "'s writing side only, RFC 8446 §6.1)";
        }
        return "  (encrypted: outside, an application_data record like any other, RFC 8446 §6)";
    }

    /**
     * A key change, in the key schedule's words (RFC 8446 §7.1, §7.3): the first is the handshake traffic secret,
     * the second the first application traffic secret, each later one a KeyUpdate's next generation.
     *
     * @param write  whether our write keys changed (else our read keys: the peer's records)
     * @param writer the name of the side whose records the new keys protect
     */
    String keyChange(boolean write, String writer) {
        int n = write ? ++writeKeyChanges : ++readKeyChanges;
        String role = write == selfIsClient ? "client" : "server";
        String secret = n == 1 ? role + "_handshake_traffic_secret"
                : role + "_application_traffic_secret_" + (n - 2);
        return "-- keys: " + writer + "'s records from here on under " + secret
                + " (HKDF key schedule, RFC 8446 §7.1; no ChangeCipherSpec)";
    }

    /** Whether a record of this type, in a connection with keys in place, is protected: all but change_cipher_spec. */
    static boolean isProtected(ContentType type, boolean keysInPlace) {
        return keysInPlace && type != ContentType.CHANGE_CIPHER_SPEC;
    }
}
