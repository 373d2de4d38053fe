package org.layeredtls.handshake.illustrate;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.handshake.trace.ByteField;
import org.layeredtls.record.ContentType;

/**
 * One record as the page draws it: one arrow of the ladder, and its three forms with their
 * fields. The plaintext's fields may still grow after the record was seen: a handshake message
 * that continues in a later record is mapped when it completes.
 */
final class RecordView {

    final int number;
    final boolean fromClient;
    final long sequenceNumber;
    final ContentType type;
    final byte[] header;
    final byte[] plaintext;
    final byte[] compressed;
    final byte[] ciphertextFragment;
    /** Where this record's plaintext starts in its direction's handshake byte stream (handshake records only). */
    final long handshakeStreamStart;
    final List<ByteField> headerFields;
    final List<ByteField> plaintextFields = new ArrayList<>();
    /** The fields of the protected fragment, or null when the fragment is not protected (NULL cipher). */
    final List<ByteField> protectedFields;
    final String cipher;
    /**
     * TLS 1.3: the RFC name of the traffic secret whose key protects this record
     * ({@code client_handshake_traffic_secret}, ...); null for a record not protected under TLS 1.3 keys.
     * Its compressed form is then the TLSInnerPlaintext (content, type, zeros: RFC 8446 §5.2).
     */
    String trafficSecret;
    /** TLS 1.3: the key schedule (one per handshake) whose traffic secret protects this record; null otherwise. */
    Tls13KeyDerivation keySchedule;
    /** A change_cipher_spec in a TLS 1.3 connection: only for middleboxes, never protected (RFC 8446 Appendix D.4). */
    boolean compatibilityCcs;

    RecordView(int number, boolean fromClient, long sequenceNumber, ContentType type, byte[] header, byte[] plaintext,
               byte[] compressed, byte[] ciphertextFragment, long handshakeStreamStart, List<ByteField> headerFields,
               List<ByteField> protectedFields, String cipher) {
        this.number = number;
        this.fromClient = fromClient;
        this.sequenceNumber = sequenceNumber;
        this.type = type;
        this.header = header;
        this.plaintext = plaintext;
        this.compressed = compressed;
        this.ciphertextFragment = ciphertextFragment;
        this.handshakeStreamStart = handshakeStreamStart;
        this.headerFields = headerFields;
        this.protectedFields = protectedFields;
        this.cipher = cipher;
    }

    boolean isCompressed() {
        return trafficSecret == null && !java.util.Arrays.equals(plaintext, compressed);
    }

    boolean isTls13Protected() {
        return trafficSecret != null;
    }
}
