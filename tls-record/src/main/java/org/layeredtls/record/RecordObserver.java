package org.layeredtls.record;

/**
 * Watches the Record layer: every record in its three forms, and every switch of the current
 * state. Every method does nothing by default. Building the three forms costs copies, so the
 * record layer builds them only when an observer other than {@link #NONE} is set.
 *
 * <p>Under a TLS 1.3 state ({@link ConnectionState#isTls13()}) there is no compression; the middle
 * form then holds the {@link TLSInnerPlaintext} (content, type byte, zeros) with the inner content
 * type, the plaintext has the inner type too, and the ciphertext is the application_data {3,3} record
 * as sent. A change_cipher_spec in the clear is the same bytes in all three forms, reported with the
 * sequence number it did not consume.
 */
public interface RecordObserver {

    RecordObserver NONE = new RecordObserver() { };

    /** A record this side wrote, in the order it went through the layer. */
    default void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                               TLSCiphertext ciphertext) {
    }

    /** A record this side read, in the order it went through the layer. */
    default void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed,
                            TLSPlaintext plaintext) {
    }

    /**
     * The first record was an SSLv2-compatible ClientHello (RFC 5246 Appendix E.2), read by
     * {@link RecordLayer#readSslv2ClientHello()}: its 2-byte SSL 2.0 header, and the message after it
     * (msg_type to challenge). It has no TLSPlaintext form, so {@link #recordRead} does not see it.
     */
    default void sslv2RecordRead(byte[] header, byte[] message) {
    }

    /** The pending write state became current: records from now on are protected by it. */
    default void writeStateChanged(ConnectionState newState) {
    }

    /** The pending read state became current. */
    default void readStateChanged(ConnectionState newState) {
    }
}
