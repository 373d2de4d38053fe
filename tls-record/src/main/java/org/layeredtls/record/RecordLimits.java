package org.layeredtls.record;

/** The length limits of the three record forms (RFC 5246 §6.2), and of TLS 1.3's two (RFC 8446 §5). */
public final class RecordLimits {

    /** The 5-byte record header: type, version, length. */
    public static final int HEADER_LENGTH = 5;
    /** TLSPlaintext.length MUST NOT exceed 2^14 (§6.2.1). */
    public static final int MAX_PLAINTEXT_LENGTH = 1 << 14;
    /** Compression may add at most 1024 bytes (§6.2.2). */
    public static final int MAX_COMPRESSION_EXPANSION = 1024;
    /** TLSCompressed.length MUST NOT exceed 2^14 + 1024 (§6.2.2). */
    public static final int MAX_COMPRESSED_LENGTH = MAX_PLAINTEXT_LENGTH + MAX_COMPRESSION_EXPANSION;
    /** Protection may add at most 1024 more bytes (§6.2.3). */
    public static final int MAX_PROTECTION_EXPANSION = 1024;
    /** TLSCiphertext.length MUST NOT exceed 2^14 + 2048 (§6.2.3). */
    public static final int MAX_CIPHERTEXT_LENGTH = MAX_COMPRESSED_LENGTH + MAX_PROTECTION_EXPANSION;
    /**
     * TLS 1.3: the AEAD may add at most 255 bytes to the TLSInnerPlaintext (RFC 8446 §5.2), whose
     * content type byte makes it one byte longer than the fragment limit at most (§5.4).
     */
    public static final int MAX_TLS13_EXPANSION = 1 + 255;
    /** TLS 1.3: TLSCiphertext.length MUST NOT exceed 2^14 + 256 (RFC 8446 §5.2). */
    public static final int MAX_TLS13_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + MAX_TLS13_EXPANSION;
    /** The smallest record size limit a peer may ask for (RFC 8449 §4). */
    public static final int MIN_RECORD_SIZE_LIMIT = 64;

    private RecordLimits() {
    }

    /**
     * The smallest fragment limit: a TLS 1.3 record_size_limit of 64 leaves 63 bytes of content, the
     * content type byte taking one (RFC 8449 §4).
     */
    public static final int MIN_FRAGMENT_LIMIT = MIN_RECORD_SIZE_LIMIT - 1;

    /**
     * Whether {@code length} is a fragment length this layer may be configured with: the RFC 6066
     * max_fragment_length values 2^9..2^12 are among them, as is what any RFC 8449 record_size_limit
     * gives ({@link #fragmentLimitOf}): 63 to 2^14.
     */
    public static boolean isValidFragmentLimit(int length) {
        return length >= MIN_FRAGMENT_LIMIT && length <= MAX_PLAINTEXT_LENGTH;
    }

    /**
     * The fragment limit (the most content per record, what {@code RecordLayer.setSendFragmentLimit} takes)
     * that a peer's record_size_limit sets (RFC 8449 §4): in TLS 1.2 and before the value itself; in TLS 1.3
     * one less, because there "the value of record_size_limit is the maximum size of the TLSInnerPlaintext",
     * content type byte and padding included. A value above the protocol's own limit (2^14, or 2^14 + 1 in
     * TLS 1.3) lowers nothing.
     *
     * @param recordSizeLimit the peer's value, at least 64 (the extension's decoder refuses less)
     */
    public static int fragmentLimitOf(int recordSizeLimit, ProtocolVersion version) {
        if (recordSizeLimit < MIN_RECORD_SIZE_LIMIT) {
            throw new IllegalArgumentException("a record_size_limit is at least 64 (RFC 8449 §4), not " + recordSizeLimit);
        }
        int contentLimit = version.isAtLeast(ProtocolVersion.TLS1_3) ? recordSizeLimit - 1 : recordSizeLimit;
        return Math.min(contentLimit, MAX_PLAINTEXT_LENGTH);
    }
}
