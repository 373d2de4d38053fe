package org.layeredtls.record;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertTransport;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * The Record protocol over a byte stream (RFC 5246 §6). Writing: fragment (at most the current
 * fragment limit, one content type per record) → compress → protect → 5-byte header → stream.
 * Reading is the mirror image, with every length limit checked:
 *
 * <pre>
 *   TLSCiphertext.length  &gt; limit + 2048   → record_overflow      (before decrypting)
 *   unprotect fails                        → bad_record_mac       (one alert for every cause)
 *   TLSCompressed.length  &gt; limit + 1024   → record_overflow
 *   decompress fails or gives &gt; limit     → decompression_failure
 *   TLSPlaintext.length   &gt; limit          → record_overflow      (null compression)
 *   empty handshake / alert / CCS record   → unexpected_message   (§6.2.1)
 * </pre>
 *
 * <p>TLS 1.3 (RFC 8446 §5) under a state {@link ConnectionState#tls13 made for it}: the content type
 * travels inside the encryption ({@link TLSInnerPlaintext}, padded by the {@link PaddingPolicy}), every
 * record goes out as application_data {3,3}, a change_cipher_spec only in the clear; the rules for
 * reading are in {@link Tls13Records}. Before the first TLS 1.3 state is installed, the layer reads and
 * writes in the clear as for any version (the hellos).
 *
 * <p>The record layer knows no handshake: it is handed {@link ConnectionState}s as pending states
 * and makes them current when told to (by the ChangeCipherSpec layer), or, in TLS 1.3, installs them
 * at once ({@link #installWriteState}, {@link #installReadState}). It implements
 * {@link AlertTransport}, so the Alert protocol can write through it.
 *
 * <p>Memory: a new layer holds only the 5-byte header buffer; the record buffers appear when a record
 * first needs them, sized to the negotiated fragment limit and the current cipher's expansion, and are
 * kept, so that a busy connection allocates nothing per record ({@link RecordBuffers});
 * {@link #releaseBuffers()} drops them for an idle connection.
 *
 * <p>Not thread-safe; a connection serialises its reads and its writes (one reader thread and one
 * writer thread may use the two directions at once).
 */
public final class RecordLayer implements AlertTransport {

    private final InputStream in;
    private final OutputStream out;
    private final Closeable transport;
    private RecordObserver observer = RecordObserver.NONE;
    private WriteInterceptor writeInterceptor; // research hook, null = none (see setRecordInterceptor)

    private ConnectionState readState = ConnectionState.initial();
    private ConnectionState writeState = ConnectionState.initial();
    private ConnectionState pendingReadState;
    private ConnectionState pendingWriteState;

    // The version written in record headers (RFC 5246 Appendix E.1: {3,1} is the usual choice for
    // a first ClientHello), and the one required on received records once a version is agreed.
    private ProtocolVersion writeVersion = ProtocolVersion.TLS1_0;
    private ProtocolVersion requiredReadVersion;

    private int sendFragmentLimit = RecordLimits.MAX_PLAINTEXT_LENGTH;
    private int receiveFragmentLimit = RecordLimits.MAX_PLAINTEXT_LENGTH;

    // TLS 1.3 record padding (RFC 8446 §5.4, see setPaddingPolicy): none unless asked for.
    private PaddingPolicy paddingPolicy = PaddingPolicy.NONE;

    // The BEAST countermeasure (see setCbcRecordSplitting): off until the handshake turns it on.
    private boolean cbcRecordSplitting;

    // RFC 5246 Appendix E.2: a server's first record may be in the SSL 2.0 format (see readSslv2ClientHello).
    private boolean firstRecord = true;
    private boolean headerBuffered; // readHeader holds the next record's header, looked at but not yet used

    // The per-connection memory budget (see RecordBuffers): buffers allocated when a record first
    // needs them, sized to the negotiated limits, reused for every record after that.
    private final byte[] readHeader = new byte[RecordLimits.HEADER_LENGTH];
    final RecordBuffers buffers = new RecordBuffers();
    private final Tls13Records tls13 = new Tls13Records(this); // the TLS 1.3 write and read paths

    /**
     * @param in        where records are read from (a socket's input stream, or an in-memory pipe)
     * @param out       where records are written
     * @param transport closed by {@link #closeTransport()} (usually the socket)
     */
    public RecordLayer(InputStream in, OutputStream out, Closeable transport) {
        this.in = in;
        this.out = out;
        this.transport = transport;
    }

    public void setObserver(RecordObserver observer) {
        this.observer = observer == null ? RecordObserver.NONE : observer;
    }

    RecordObserver observer() {
        return observer;
    }

    /**
     * A research hook on the write path: sees each finished record (header and protected fragment)
     * just before it goes to the stream, and returns the bytes to write instead: the same array,
     * changed bytes, an empty array to drop the record, or more bytes to inject some.
     */
    @FunctionalInterface
    public interface WriteInterceptor {
        byte[] intercept(ContentType type, long sequenceNumber, byte[] record) throws IOException;
    }

    /** Sets the write-path hook ({@code null} for none); the observer still sees the records as the layer made them. */
    public void setRecordInterceptor(WriteInterceptor interceptor) {
        this.writeInterceptor = interceptor;
    }

    /** The version this layer writes in record headers. */
    public ProtocolVersion writeVersion() {
        return writeVersion;
    }

    public void setWriteVersion(ProtocolVersion version) {
        this.writeVersion = version;
    }

    /**
     * Once the handshake has agreed on a version, every received record must carry it
     * ({@code protocol_version} otherwise); {@code null} accepts any {3,x}.
     */
    public void setRequiredReadVersion(ProtocolVersion version) {
        this.requiredReadVersion = version;
    }

    /** The largest fragment this layer sends (2^14, or a negotiated max_fragment_length / record_size_limit). */
    public void setSendFragmentLimit(int limit) {
        if (!RecordLimits.isValidFragmentLimit(limit)) {
            throw new IllegalArgumentException("fragment limit " + limit + " outside 63..16384");
        }
        this.sendFragmentLimit = limit;
        buffers.fitWriting(writeRecordCeiling());
    }

    /** The largest plaintext fragment this layer accepts; larger records are {@code record_overflow}. */
    public void setReceiveFragmentLimit(int limit) {
        if (!RecordLimits.isValidFragmentLimit(limit)) {
            throw new IllegalArgumentException("fragment limit " + limit + " outside 63..16384");
        }
        this.receiveFragmentLimit = limit;
        buffers.fitReading(readFragmentCeiling());
    }

    public int sendFragmentLimit() {
        return sendFragmentLimit;
    }

    /** The largest plaintext fragment this layer accepts (see {@link RecordFraming}). */
    public int receiveFragmentLimit() {
        return receiveFragmentLimit;
    }

    /**
     * The BEAST countermeasure, the 1/n&minus;1 record split: each application-data write of n &gt; 1
     * bytes goes out as a record carrying its first byte, then records carrying the other n&minus;1.
     * It is needed where a CBC record's IV is the previous record's last ciphertext block (SSL 3.0
     * and TLS 1.0, see {@link CbcRecordSplitting#isNeeded}); the handshake layer turns it on when it
     * negotiates such a protection. Handshake, alert and ChangeCipherSpec records are never split.
     */
    public void setCbcRecordSplitting(boolean split) {
        this.cbcRecordSplitting = split;
    }

    public boolean cbcRecordSplitting() {
        return cbcRecordSplitting;
    }

    /**
     * How many zeros each TLS 1.3 record carries after its content type, to hide its content's length
     * (RFC 8446 §5.4); {@link PaddingPolicy#NONE} by default. TLS 1.2 and older states ignore it.
     */
    public void setPaddingPolicy(PaddingPolicy policy) {
        this.paddingPolicy = policy == null ? PaddingPolicy.NONE : policy;
    }

    public PaddingPolicy paddingPolicy() {
        return paddingPolicy;
    }

    public ConnectionState readState() {
        return readState;
    }

    public ConnectionState writeState() {
        return writeState;
    }

    // ---------------------------------------------------------------- memory

    /**
     * Drops the record buffers of both directions; the next record allocates what it needs again.
     * For an engine or socket that goes idle: a connection between records then holds no buffer
     * but the 5-byte header. Call it only between records, when neither direction is inside
     * {@link #write} or {@link #readRecord} (a reader thread and a writer thread must both be idle).
     * Not needed for correctness or for the record path's speed: buffers are kept otherwise, so
     * that a busy connection allocates nothing per record.
     */
    public void releaseBuffers() {
        releaseWriteBuffers();
        releaseReadBuffers();
    }

    /**
     * {@link #releaseBuffers()} for the reading direction alone: call it between records read, from the
     * reading thread (a writer may go on meanwhile).
     */
    public void releaseReadBuffers() {
        buffers.releaseReading();
        readState.protection().releaseBuffers();
    }

    /**
     * {@link #releaseBuffers()} for the writing direction alone: call it between records written, under
     * whatever lock serialises the writers.
     */
    public void releaseWriteBuffers() {
        buffers.releaseWriting();
        writeState.protection().releaseBuffers();
    }

    /**
     * The bytes of record buffers this layer holds now (both directions, its own and those of the
     * current protections): what a connection at rest costs in record buffers.
     */
    public int bufferedBytes() {
        return buffers.writingBytes() + buffers.readingBytes() + readHeader.length
                + writeState.protection().bufferedBytes() + readState.protection().bufferedBytes();
    }

    int writeRecordCeiling() {
        return RecordBuffers.writeRecordCeiling(writeState, sendFragmentLimit);
    }

    int readFragmentCeiling() {
        return RecordBuffers.readFragmentCeiling(readState, receiveFragmentLimit);
    }

    // ---------------------------------------------------------------- connection states

    /** Installs the state that the next ChangeCipherSpec we send will make current. */
    public void setPendingWriteState(ConnectionState state) {
        this.pendingWriteState = state;
    }

    /** Installs the state that the next ChangeCipherSpec we receive will make current. */
    public void setPendingReadState(ConnectionState state) {
        this.pendingReadState = state;
    }

    public boolean hasPendingReadState() {
        return pendingReadState != null;
    }

    public boolean hasPendingWriteState() {
        return pendingWriteState != null;
    }

    /** Makes the pending write state current (called right after our ChangeCipherSpec is written). */
    public void activatePendingWriteState() {
        if (pendingWriteState == null) {
            throw new IllegalStateException("record layer: no pending write state to make current");
        }
        writeState.release();
        writeState = pendingWriteState;
        pendingWriteState = null;
        observer.writeStateChanged(writeState);
    }

    /**
     * Makes the pending read state current (called when the peer's ChangeCipherSpec arrives).
     *
     * @throws TlsAlertException {@code unexpected_message} when no pending state is ready: a
     *         ChangeCipherSpec before the keys exist
     */
    public void activatePendingReadState() throws TlsAlertException {
        if (pendingReadState == null) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.CHANGE_CIPHER_SPEC,
                    "ChangeCipherSpec received but no pending read state is ready");
        }
        readState.release();
        readState = pendingReadState;
        pendingReadState = null;
        observer.readStateChanged(readState);
    }

    /**
     * Makes {@code state} the current write state at once: TLS 1.3 changes keys without a
     * ChangeCipherSpec (RFC 8446 §5.1, §7.2, §4.6.3 KeyUpdate). The next record is sealed under it with
     * sequence number 0 (a new state starts there).
     */
    public void installWriteState(ConnectionState state) {
        writeState.release();
        writeState = state;
        observer.writeStateChanged(writeState);
    }

    /**
     * Makes {@code state} the current read state at once (RFC 8446 §5.1): the next record read is
     * opened under it, with sequence number 0. A TLS 1.3 state ({@link ConnectionState#isTls13()})
     * switches {@link #readRecord()} to TLS 1.3's rules.
     */
    public void installReadState(ConnectionState state) {
        readState.release();
        readState = state;
        observer.readStateChanged(readState);
    }

    /**
     * A TLS 1.3 server that has installed the client's handshake read keys still reads an alert in the clear,
     * until the first record that opens under them: a client that fails on the server's flight (its certificate
     * refused) may send that alert before it changes its own write keys, as OpenSSL's client does and as our
     * client does (OpenSSL's server allows the same: {@code ENC_READ_STATE_ALLOW_PLAIN_ALERTS}).
     */
    public void allowPlaintextAlertUntilTheFirstProtectedRecord() {
        tls13.allowPlaintextAlertUntilTheFirstProtectedRecord();
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes {@code data} of one content type as as many records as the fragment limit needs.
     * Handshake, alert and ChangeCipherSpec data must not be empty (RFC 5246 §6.2.1); an empty
     * application-data write sends one empty record (a legal record, which OpenSSL sends against
     * BEAST). With {@link #setCbcRecordSplitting CBC record splitting} on, application data of more
     * than one byte is split 1/n&minus;1 first.
     */
    public void write(ContentType type, byte[] data, int offset, int length) throws IOException {
        if (length == 0 && type != ContentType.APPLICATION_DATA) {
            throw new IllegalArgumentException("record layer: a " + type + " record may not be empty (RFC 5246 §6.2.1)");
        }
        if (cbcRecordSplitting && type == ContentType.APPLICATION_DATA && length > 1) {
            // BEAST countermeasure: the first record's MAC, unknown to an attacker, is encrypted into
            // the ciphertext block that becomes the IV of the record carrying the other n-1 bytes.
            writeRecord(type, data, offset, 1);
            offset++;
            length--;
        }
        do {
            int fragmentLength = Math.min(length, sendFragmentLimit);
            writeRecord(type, data, offset, fragmentLength);
            offset += fragmentLength;
            length -= fragmentLength;
        } while (length > 0);
    }

    public void write(ContentType type, byte[] data) throws IOException {
        write(type, data, 0, data.length);
    }

    /** Pushes written records to the transport. */
    public void flush() throws IOException {
        out.flush();
    }

    private void writeRecord(ContentType type, byte[] data, int offset, int length) throws IOException {
        ConnectionState state = writeState;
        if (state.isTls13()) {
            tls13.write(state, type, data, offset, length);
            return;
        }
        long sequenceNumber = state.nextSequenceNumber();
        // TLSCompressed: with null compression the caller's bytes themselves, no copy
        byte[] compressed = data;
        int compressedOffset = offset;
        int compressedLength = length;
        if (!NullCompression.isIdentity(state.compression())) {
            compressed = buffers.writeCompressed(length + RecordLimits.MAX_COMPRESSION_EXPANSION,
                    sendFragmentLimit + RecordLimits.MAX_COMPRESSION_EXPANSION);
            compressedOffset = 0;
            compressedLength = state.compression().compress(data, offset, length, compressed, 0);
        }
        RecordProtection protection = state.protection();
        byte[] writeRecord = buffers.writeRecord(
                RecordLimits.HEADER_LENGTH + compressedLength + protection.maxExpansion(), writeRecordCeiling());
        int ciphertextLength = protection.seal(sequenceNumber, type, writeVersion,
                compressed, compressedOffset, compressedLength, writeRecord, RecordLimits.HEADER_LENGTH);
        RecordHeader.write(type, writeVersion, ciphertextLength, writeRecord, 0);
        send(type, sequenceNumber, writeRecord, ciphertextLength);
        if (observer != RecordObserver.NONE) {
            observer.recordWritten(sequenceNumber,
                    new TLSPlaintext(type, writeVersion, Arrays.copyOfRange(data, offset, offset + length)),
                    new TLSCompressed(type, writeVersion,
                            Arrays.copyOfRange(compressed, compressedOffset, compressedOffset + compressedLength)),
                    ciphertext(type, writeVersion, writeRecord, ciphertextLength));
        }
    }

    /** Writes a finished record (header and fragment), through the research hook if one is set. */
    void send(ContentType type, long sequenceNumber, byte[] record, int fragmentLength) throws IOException {
        int recordLength = RecordLimits.HEADER_LENGTH + fragmentLength;
        if (writeInterceptor == null) {
            out.write(record, 0, recordLength);
        } else { // research hook: the interceptor decides which bytes reach the wire
            out.write(writeInterceptor.intercept(type, sequenceNumber, Arrays.copyOf(record, recordLength)));
        }
    }

    static TLSCiphertext ciphertext(ContentType type, ProtocolVersion version, byte[] record, int length) {
        return new TLSCiphertext(type, version,
                Arrays.copyOfRange(record, RecordLimits.HEADER_LENGTH, RecordLimits.HEADER_LENGTH + length));
    }

    // ---------------------------------------------------------------- AlertTransport

    @Override
    public void writeAlertRecord(byte[] alert) throws IOException {
        write(ContentType.ALERT, alert);
        flush();
    }

    @Override
    public void closeTransport() throws IOException {
        transport.close();
    }

    // ---------------------------------------------------------------- rejected 0-RTT data (RFC 8446 §4.2.10)

    private boolean skipping; // until the first record that decrypts
    private long skipBudget; // bytes of undecryptable records still to skip
    private boolean lastRecordSkipped;

    /**
     * RFC 8446 §4.2.10: a server that rejects early data skips the client's records that do not decrypt
     * under its handshake keys, {@code bytes} of them at most, until the first one that does.
     */
    public void skipUndecryptableRecords(long bytes) {
        skipping = true;
        skipBudget = bytes;
    }

    /** Whether the last {@link #readRecord()} skipped a record that did not decrypt (rejected 0-RTT data). */
    public boolean lastRecordSkipped() {
        return lastRecordSkipped;
    }

    /** Whether to skip a record that did not decrypt; {@code plaintextLength}: its length less the AEAD's expansion. */
    boolean skipUndecryptable(TlsAlertException failure, long plaintextLength) throws TlsAlertException {
        if (!skipping || !AlertDescription.BAD_RECORD_MAC.equals(failure.description())) {
            return false;
        }
        if (plaintextLength > skipBudget) { // RFC 8446 §4.2.10: beyond the limit, as OpenSSL ("too much early data")
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                    "more rejected 0-RTT data than the server skips (TlsConfig.rejectedEarlyDataLimit)");
        }
        skipBudget -= plaintextLength;
        return true;
    }

    void decryptedOne() {
        skipping = false; // the client's first record under our keys: no more early data comes
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads, unprotects and decompresses the next record.
     *
     * @return the record, or {@code null} if the stream ended cleanly between two records
     * @throws TlsAlertException for a record that breaks a rule: the alert to send is in it
     * @throws EOFException      if the stream ends inside a record
     */
    public TLSPlaintext readRecord() throws IOException {
        if (!headerBuffered && !readFully(readHeader, 0, RecordLimits.HEADER_LENGTH, true)) {
            return null;
        }
        headerBuffered = false;
        firstRecord = false;
        lastRecordSkipped = false;
        RecordHeader header = RecordHeader.decode(readHeader);
        if (readState.isTls13()) {
            TLSPlaintext record = tls13.read(readState, header);
            lastRecordSkipped = record == Tls13Records.SKIPPED;
            return record;
        }
        checkVersion(header.version());
        int ciphertextLimit = receiveFragmentLimit + RecordLimits.MAX_COMPRESSION_EXPANSION
                + RecordLimits.MAX_PROTECTION_EXPANSION;
        if (header.length() > ciphertextLimit) {
            // RFC 5246 §6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048; checked before
            // reading the fragment, so a hostile length costs nothing.
            throw overflow("TLSCiphertext of " + header.length() + " bytes exceeds " + ciphertextLimit);
        }
        int fragmentCeiling = readFragmentCeiling();
        byte[] readFragment = buffers.readFragment(header.length(), fragmentCeiling);
        readFully(readFragment, 0, header.length(), false);

        ConnectionState state = readState;
        long sequenceNumber = state.nextSequenceNumber();
        // Opening never lengthens a fragment; with null compression it opens straight into the plaintext.
        boolean compressed = !NullCompression.isIdentity(state.compression());
        byte[] readCompressed = compressed ? buffers.readCompressed(header.length(), fragmentCeiling)
                : buffers.readPlaintext(header.length(), fragmentCeiling);
        int compressedLength = state.protection().open(sequenceNumber, header.type(), header.version(),
                readFragment, 0, header.length(), readCompressed, 0);
        int compressedLimit = receiveFragmentLimit + RecordLimits.MAX_COMPRESSION_EXPANSION;
        if (compressedLength > compressedLimit) {
            // RFC 5246 §7.2.2 record_overflow: "a record decrypted to a TLSCompressed record with
            // more than 2^14+1024 bytes".
            throw overflow("TLSCompressed of " + compressedLength + " bytes exceeds " + compressedLimit);
        }
        byte[] readPlaintext = readCompressed;
        int plaintextLength = compressedLength;
        if (compressed) { // room for one byte over the limit: the decompressor's overflow check
            readPlaintext = buffers.readPlaintext(receiveFragmentLimit + 1, fragmentCeiling);
            plaintextLength = state.compression().decompress(readCompressed, 0, compressedLength,
                    readPlaintext, 0, receiveFragmentLimit);
        } else {
            NullCompression.checkPlaintextLength(compressedLength, receiveFragmentLimit);
        }
        if (plaintextLength == 0 && header.type() != ContentType.APPLICATION_DATA) {
            // RFC 5246 §6.2.1: zero-length fragments of handshake, alert or ChangeCipherSpec
            // MUST NOT be sent. OpenSSL answers them with unexpected_message too.
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, TlsLayer.RECORD,
                    "an empty " + header.type() + " record");
        }
        TLSPlaintext plaintext = new TLSPlaintext(header.type(), header.version(),
                Arrays.copyOf(readPlaintext, plaintextLength));
        if (observer != RecordObserver.NONE) {
            observer.recordRead(sequenceNumber,
                    new TLSCiphertext(header.type(), header.version(), Arrays.copyOf(readFragment, header.length())),
                    new TLSCompressed(header.type(), header.version(), Arrays.copyOf(readCompressed, compressedLength)),
                    plaintext);
        }
        return plaintext;
    }

    /** Whether no record has been read yet: only then may one be an SSLv2-compatible ClientHello. */
    public boolean isAtFirstRecord() {
        return firstRecord;
    }

    /**
     * RFC 5246 Appendix E.2 (RFC 6101 Appendix E): a server's first record may be an SSL 2.0 record
     * holding a CLIENT-HELLO, as old clients sent to reach SSL 2.0 and SSL 3.0/TLS servers alike. If the
     * next record is one (its first byte has the high bit set, its third byte, msg_type, is 1: OpenSSL's
     * test), this reads it and returns the message after the 2-byte header (msg_type to challenge);
     * otherwise it returns {@code null} and the next {@link #readRecord()} reads the record as usual
     * (the header bytes looked at are kept for it). Observers see it through
     * {@link RecordObserver#sslv2RecordRead}.
     *
     * <pre>
     *   msg_length &lt; 9 (msg_type, version and three lengths)  → decode_error     (OpenSSL: "length too short")
     *   msg_length &gt; the plaintext limit (2^14)               → record_overflow
     * </pre>
     *
     * @throws IllegalStateException once a record has been read
     */
    public byte[] readSslv2ClientHello() throws IOException {
        if (!firstRecord) {
            throw new IllegalStateException("record layer: only the first record may be an SSL 2.0 CLIENT-HELLO");
        }
        if (!headerBuffered && !readFully(readHeader, 0, RecordLimits.HEADER_LENGTH, true)) {
            return null;
        }
        headerBuffered = true;
        if (!Sslv2RecordHeader.startsClientHello(readHeader)) {
            return null;
        }
        headerBuffered = false;
        firstRecord = false;
        int length = Sslv2RecordHeader.messageLength(readHeader, receiveFragmentLimit);
        int alreadyRead = RecordLimits.HEADER_LENGTH - Sslv2RecordHeader.LENGTH; // msg_type and version
        byte[] message = new byte[length];
        System.arraycopy(readHeader, Sslv2RecordHeader.LENGTH, message, 0, alreadyRead);
        readFully(message, alreadyRead, length - alreadyRead, false);
        readState.nextSequenceNumber(); // a record like any other (RFC 5246 §6.1)
        if (observer != RecordObserver.NONE) {
            observer.sslv2RecordRead(Arrays.copyOf(readHeader, Sslv2RecordHeader.LENGTH), message.clone());
        }
        return message;
    }

    private void checkVersion(ProtocolVersion version) throws TlsAlertException {
        if (requiredReadVersion != null ? !version.equals(requiredReadVersion) : version.major() != 3) {
            // Not named by RFC 5246 for records; OpenSSL, Go and rustls all answer protocol_version.
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, TlsLayer.RECORD,
                    "record version " + version + (requiredReadVersion == null ? " is not SSL 3.0/TLS"
                            : " differs from the negotiated " + requiredReadVersion));
        }
    }

    static TlsAlertException overflow(String reason) {
        return new TlsAlertException(AlertDescription.RECORD_OVERFLOW, TlsLayer.RECORD, reason);
    }

    /** Reads exactly {@code length} bytes; returns false only if {@code atBoundary} and the stream ended before the first byte. */
    boolean readFully(byte[] buffer, int offset, int length, boolean atBoundary) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, offset + total, length - total);
            if (n < 0) {
                if (total == 0 && atBoundary) {
                    return false;
                }
                throw new EOFException("record layer: the stream ended inside a record (" + total + " of "
                        + length + (atBoundary ? " header bytes)" : " fragment bytes)"));
            }
            total += n;
        }
        return true;
    }
}
