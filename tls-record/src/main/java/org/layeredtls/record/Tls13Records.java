package org.layeredtls.record;

import java.io.IOException;
import java.util.Arrays;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * What {@link RecordLayer#write} and {@link RecordLayer#readRecord()} do under a TLS 1.3 state
 * ({@link ConnectionState#isTls13()}): the record layer of RFC 8446 §5, beside TLS 1.2's in
 * {@link RecordLayer}, so that the two can be read side by side.
 *
 * <pre>
 * writing:  content ─► TLSInnerPlaintext { content, type, zeros } ─► AEAD ─► application_data {3,3} record
 * reading:  application_data record ─► AEAD ─► strip the zeros, take the last non-zero byte as the type
 * </pre>
 *
 * <p>What TLS 1.2 had and TLS 1.3 drops: compression, MAC-then-encrypt, explicit nonces, the type and
 * version as the record's real ones, ChangeCipherSpec as a protected message. The buffers are the
 * layer's ({@link RecordBuffers}): no allocation per written record, only the returned record per read.
 */
final class Tls13Records {

    /** RFC 8446 §5.1, §5.2: the outer record's legacy_record_version is always {3,3}. */
    static final ProtocolVersion LEGACY_RECORD_VERSION = ProtocolVersion.TLS1_2;

    /** What {@link #read} returns for a rejected 0-RTT record it skipped (RFC 8446 §4.2.10): nothing to deliver. */
    static final TLSPlaintext SKIPPED = new TLSPlaintext(ContentType.APPLICATION_DATA, LEGACY_RECORD_VERSION, new byte[0]);

    private final RecordLayer layer;
    /** Whether an alert in the clear is read (a TLS 1.3 server, until the client's first protected record). */
    private boolean plaintextAlertAllowed;

    Tls13Records(RecordLayer layer) {
        this.layer = layer;
    }

    /** See {@link RecordLayer#allowPlaintextAlertUntilTheFirstProtectedRecord()}. */
    void allowPlaintextAlertUntilTheFirstProtectedRecord() {
        plaintextAlertAllowed = true;
    }

    /**
     * RFC 8446 §5.2: TLSInnerPlaintext = content || type || zeros, sealed into a record whose header
     * says application_data {3,3} whatever it carries. A change_cipher_spec (the middlebox
     * compatibility one, Appendix D.4) is never protected: it goes out in the clear, outside the
     * sequence numbers.
     */
    void write(ConnectionState state, ContentType type, byte[] data, int offset, int length) throws IOException {
        if (type == ContentType.CHANGE_CIPHER_SPEC) {
            writeInTheClear(state, type, data, offset, length);
            return;
        }
        long sequenceNumber = state.nextSequenceNumber();
        int maxZeros = layer.sendFragmentLimit() - length;
        int zeros = layer.paddingPolicy().zeros(type, length, maxZeros);
        if (zeros < 0 || zeros > maxZeros) { // RFC 8446 §5.4: the padding stays within the record size limit
            throw new IllegalStateException("the padding policy asked for " + zeros + " zeros; 0 to " + maxZeros + " fit");
        }
        RecordBuffers buffers = layer.buffers;
        byte[] inner = buffers.writeInnerPlaintext(length + 1 + zeros, layer.sendFragmentLimit() + 1);
        int innerLength = TLSInnerPlaintext.write(type, data, offset, length, zeros, inner, 0);
        RecordProtection protection = state.protection();
        byte[] record = buffers.writeRecord(RecordLimits.HEADER_LENGTH + innerLength + protection.maxExpansion(),
                layer.writeRecordCeiling());
        int fragmentLength = protection.seal(sequenceNumber, ContentType.APPLICATION_DATA, LEGACY_RECORD_VERSION,
                inner, 0, innerLength, record, RecordLimits.HEADER_LENGTH);
        RecordHeader.write(ContentType.APPLICATION_DATA, LEGACY_RECORD_VERSION, fragmentLength, record, 0);
        layer.send(type, sequenceNumber, record, fragmentLength);
        if (layer.observer() != RecordObserver.NONE) {
            byte[] content = Arrays.copyOfRange(data, offset, offset + length);
            layer.observer().recordWritten(sequenceNumber, new TLSPlaintext(type, LEGACY_RECORD_VERSION, content),
                    new TLSCompressed(type, LEGACY_RECORD_VERSION, Arrays.copyOf(inner, innerLength)),
                    RecordLayer.ciphertext(ContentType.APPLICATION_DATA, LEGACY_RECORD_VERSION, record, fragmentLength));
        }
    }

    private void writeInTheClear(ConnectionState state, ContentType type, byte[] data, int offset, int length)
            throws IOException {
        long sequenceNumber = state.sequenceNumber(); // not consumed: the record is not protected
        byte[] record = layer.buffers.writeRecord(RecordLimits.HEADER_LENGTH + length, layer.writeRecordCeiling());
        System.arraycopy(data, offset, record, RecordLimits.HEADER_LENGTH, length);
        RecordHeader.write(type, LEGACY_RECORD_VERSION, length, record, 0);
        layer.send(type, sequenceNumber, record, length);
        if (layer.observer() != RecordObserver.NONE) {
            byte[] fragment = Arrays.copyOfRange(data, offset, offset + length);
            layer.observer().recordWritten(sequenceNumber, new TLSPlaintext(type, LEGACY_RECORD_VERSION, fragment),
                    new TLSCompressed(type, LEGACY_RECORD_VERSION, fragment),
                    new TLSCiphertext(type, LEGACY_RECORD_VERSION, fragment));
        }
    }

    /**
     * RFC 8446 §5: under TLS 1.3 keys every record is application_data, except a change_cipher_spec in
     * the clear, passed up as it is (the handshake layer decides whether to drop it). The version in
     * the header is not checked (§5.1: it "MUST be ignored"), but it is authenticated: a protected
     * record's header is its additional data.
     *
     * <pre>
     *   change_cipher_spec in the clear: empty / over the limit      → unexpected_message / record_overflow
     *   an alert in the clear, where allowed (a server, before the client's first protected record): passed up
     *   any other type in the clear                                 → unexpected_message
     *   TLSCiphertext.length &gt; limit + 256 (2^14 + 256)              → record_overflow   (before reading it)
     *   AEAD fails                                                  → bad_record_mac
     *   TLSInnerPlaintext &gt; limit + 1 (content over the limit)       → record_overflow
     *   all zeros (no type), protected CCS, empty handshake/alert     → unexpected_message
     * </pre>
     */
    TLSPlaintext read(ConnectionState state, RecordHeader header) throws IOException {
        if (header.type() == ContentType.CHANGE_CIPHER_SPEC
                || (header.type() == ContentType.ALERT && plaintextAlertAllowed)) {
            return readInTheClear(state, header);
        }
        if (header.type() != ContentType.APPLICATION_DATA) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                    "an unprotected " + header.type() + " record under TLS 1.3 keys");
        }
        int length = header.length();
        int ciphertextLimit = layer.receiveFragmentLimit() + RecordLimits.MAX_TLS13_EXPANSION;
        if (length > ciphertextLimit) { // RFC 8446 §5.2: checked before reading the fragment
            throw RecordLayer.overflow("TLSCiphertext of " + length + " bytes exceeds " + ciphertextLimit);
        }
        int fragmentCeiling = layer.readFragmentCeiling();
        byte[] fragment = layer.buffers.readFragment(length, fragmentCeiling);
        layer.readFully(fragment, 0, length, false);
        long sequenceNumber = state.nextSequenceNumber();
        byte[] inner = layer.buffers.readPlaintext(length, fragmentCeiling);
        int innerLength;
        try {
            innerLength = state.protection().open(sequenceNumber, header.type(), header.version(),
                    fragment, 0, length, inner, 0);
        } catch (TlsAlertException failed) {
            // the content as OpenSSL counts it: the record less the AEAD tag and the content type byte
            if (!layer.skipUndecryptable(failed, Math.max(0, length - state.protection().maxExpansion()))) {
                throw failed;
            }
            state.startingAt(sequenceNumber); // RFC 8446 §4.2.10: a skipped record takes no sequence number
            return SKIPPED;
        }
        layer.decryptedOne();
        if (innerLength > layer.receiveFragmentLimit() + 1) {
            // RFC 8446 §5.4: "the full encoded TLSInnerPlaintext MUST NOT exceed 2^14 + 1 octets"
            throw RecordLayer.overflow("TLSInnerPlaintext of " + innerLength + " bytes exceeds "
                    + (layer.receiveFragmentLimit() + 1));
        }
        plaintextAlertAllowed = false; // the peer's keys are in use: from now on every alert is protected
        int contentLength = TLSInnerPlaintext.typeOffset(inner, 0, innerLength);
        ContentType type = TLSInnerPlaintext.checkedType(inner[contentLength], contentLength);
        TLSPlaintext plaintext = new TLSPlaintext(type, header.version(), Arrays.copyOf(inner, contentLength));
        if (layer.observer() != RecordObserver.NONE) {
            layer.observer().recordRead(sequenceNumber,
                    new TLSCiphertext(header.type(), header.version(), Arrays.copyOf(fragment, length)),
                    new TLSCompressed(type, header.version(), Arrays.copyOf(inner, innerLength)), plaintext);
        }
        return plaintext;
    }

    /** RFC 8446 §5: a change_cipher_spec (or an allowed alert) in the clear is passed up unopened, outside the sequence numbers. */
    private TLSPlaintext readInTheClear(ConnectionState state, RecordHeader header) throws IOException {
        int length = header.length();
        NullCompression.checkPlaintextLength(length, layer.receiveFragmentLimit());
        byte[] fragment = layer.buffers.readFragment(length, layer.readFragmentCeiling());
        layer.readFully(fragment, 0, length, false);
        if (length == 0) { // RFC 8446 §5.1: zero-length fragments of types other than application_data
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                    "an empty " + header.type() + " record");
        }
        TLSPlaintext plaintext = new TLSPlaintext(header.type(), header.version(), Arrays.copyOf(fragment, length));
        if (layer.observer() != RecordObserver.NONE) {
            layer.observer().recordRead(state.sequenceNumber(),
                    new TLSCiphertext(header.type(), header.version(), plaintext.fragment()),
                    new TLSCompressed(header.type(), header.version(), plaintext.fragment()), plaintext);
        }
        return plaintext;
    }
}
