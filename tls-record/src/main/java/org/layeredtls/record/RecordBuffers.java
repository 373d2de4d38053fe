package org.layeredtls.record;

/**
 * The record layer's working buffers, one set per direction, and the rule they follow: a buffer
 * exists only once a record needs it, holds what that record needs (at least double its last size,
 * so a growing stream of records reallocates a handful of times, not once per record), and never
 * more than the ceiling the negotiated limits set: the fragment limit (2^14, or RFC 6066
 * max_fragment_length / RFC 8449 record_size_limit), the compression expansion if the state
 * compresses, and the current protection's expansion. Once a connection's records stop growing,
 * no record allocates a buffer (the hot path allocates nothing in steady state).
 *
 * <p>Which buffers a record needs:
 * <pre>
 *   writing, null compression:  record  = header + TLSCiphertext      (sealed straight from the caller's bytes)
 *   writing, DEFLATE:           compressed (TLSCompressed), record
 *   reading, null compression:  fragment (TLSCiphertext), plaintext   (opened straight into the plaintext)
 *   reading, DEFLATE:           fragment, compressed, plaintext (2^14 + 1: the decompressor's overflow byte)
 *   writing, TLS 1.3:           compressed (holds the TLSInnerPlaintext: content, type, zeros), record
 *   reading, TLS 1.3:           fragment, plaintext (the TLSInnerPlaintext, opened in place of TLSPlaintext)
 * </pre>
 *
 * <p>Nothing in them outlives a record, so {@link #releaseWriting()} and {@link #releaseReading()}
 * may drop them between records (an idle connection then holds none); the next record allocates
 * again.
 */
final class RecordBuffers {

    private static final byte[] NONE = new byte[0];

    private byte[] writeCompressed = NONE;
    private byte[] writeRecord = NONE;
    private byte[] readFragment = NONE;
    private byte[] readCompressed = NONE;
    private byte[] readPlaintext = NONE;

    /**
     * {@code buffer} if it holds {@code needed} bytes, otherwise a new one of at least
     * {@code needed} bytes: twice the old size if that stays within {@code ceiling}.
     */
    static byte[] atLeast(byte[] buffer, int needed, int ceiling) {
        if (buffer.length >= needed) {
            return buffer;
        }
        return new byte[Math.max(needed, Math.min(ceiling, 2 * buffer.length))];
    }

    /** The largest record (header and TLSCiphertext) a conforming write under {@code state} at {@code fragmentLimit} needs. */
    static int writeRecordCeiling(ConnectionState state, int fragmentLimit) {
        return RecordLimits.HEADER_LENGTH + fragmentLimit + compressionExpansion(state) + state.protection().maxExpansion();
    }

    /**
     * The largest TLSCiphertext a conforming peer sends under {@code state} at {@code fragmentLimit}
     * (a longer one, up to the RFC's limit, is still read, into a buffer of its own size).
     */
    static int readFragmentCeiling(ConnectionState state, int fragmentLimit) {
        return fragmentLimit + compressionExpansion(state) + state.protection().maxExpansion();
    }

    private static int compressionExpansion(ConnectionState state) {
        return NullCompression.isIdentity(state.compression()) ? 0 : RecordLimits.MAX_COMPRESSION_EXPANSION;
    }

    byte[] writeCompressed(int needed, int ceiling) {
        return writeCompressed = atLeast(writeCompressed, needed, ceiling);
    }

    /** TLS 1.3 has no compression: its TLSInnerPlaintext takes the TLSCompressed buffer's place. */
    byte[] writeInnerPlaintext(int needed, int ceiling) {
        return writeCompressed(needed, ceiling);
    }

    byte[] writeRecord(int needed, int ceiling) {
        return writeRecord = atLeast(writeRecord, needed, ceiling);
    }

    byte[] readFragment(int needed, int ceiling) {
        return readFragment = atLeast(readFragment, needed, ceiling);
    }

    byte[] readCompressed(int needed, int ceiling) {
        return readCompressed = atLeast(readCompressed, needed, ceiling);
    }

    byte[] readPlaintext(int needed, int ceiling) {
        return readPlaintext = atLeast(readPlaintext, needed, ceiling);
    }

    /** Drops the write direction's buffers: between records, nothing in them is still needed. */
    void releaseWriting() {
        writeCompressed = NONE;
        writeRecord = NONE;
    }

    /** Drops the read direction's buffers: between records, nothing in them is still needed. */
    void releaseReading() {
        readFragment = NONE;
        readCompressed = NONE;
        readPlaintext = NONE;
    }

    /** Drops the write direction's buffers if one is larger than a lowered limit lets it grow. */
    void fitWriting(int recordCeiling) {
        if (writeRecord.length > recordCeiling || writeCompressed.length > recordCeiling) {
            releaseWriting();
        }
    }

    /** Drops the read direction's buffers if one is larger than a lowered limit lets it grow. */
    void fitReading(int fragmentCeiling) {
        if (readFragment.length > fragmentCeiling || readCompressed.length > fragmentCeiling
                || readPlaintext.length > fragmentCeiling) {
            releaseReading();
        }
    }

    int writingBytes() {
        return writeCompressed.length + writeRecord.length;
    }

    int readingBytes() {
        return readFragment.length + readCompressed.length + readPlaintext.length;
    }
}
