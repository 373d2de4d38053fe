package org.layeredtls.record;

/**
 * How many zeros a TLS 1.3 record adds after its content type (RFC 8446 §5.4, "Record Padding"):
 * the record layer's way to hide how long the content is. A record's length on the wire tells an
 * observer the length of what it carries (a password's, a page's, a keystroke's); padding makes
 * records of different contents look alike, at the cost of bytes sent. TLS 1.3 leaves the policy to
 * the sender; the receiver strips the zeros whatever their number.
 *
 * <p>The padding stays within the fragment limit: the TLSInnerPlaintext (content, type byte, zeros)
 * is at most the limit + 1 bytes (2^14 + 1; less with a record_size_limit, RFC 8449 §4).
 *
 * <p>Only TLS 1.3 states pad ({@link ConnectionState#isTls13()}); TLS 1.2 has no place for zeros.
 * Set on a record layer with {@link RecordLayer#setPaddingPolicy}.
 */
@FunctionalInterface
public interface PaddingPolicy {

    /** No padding (the default, as OpenSSL's): each record is as long as its content. */
    PaddingPolicy NONE = (type, contentLength, maxZeros) -> 0;

    /**
     * The number of zeros for one record.
     *
     * @param type          the record's real (inner) content type
     * @param contentLength the content's length
     * @param maxZeros      the most zeros that fit: the fragment limit minus the content's length
     * @return from 0 to {@code maxZeros}
     */
    int zeros(ContentType type, int contentLength, int maxZeros);

    /**
     * Pads each TLSInnerPlaintext (content, type byte, zeros) to a multiple of {@code blockSize} bytes,
     * or as near as the limit allows, as OpenSSL's {@code SSL_CTX_set_block_padding}: an observer learns
     * the content's length only to within a block.
     */
    static PaddingPolicy padToMultipleOf(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("a padding block is at least one byte, not " + blockSize);
        }
        return (type, contentLength, maxZeros) -> {
            int remainder = (contentLength + 1) % blockSize;
            return remainder == 0 ? 0 : Math.min(blockSize - remainder, maxZeros);
        };
    }

    /**
     * Pads every record to the fragment limit: every record of a connection has the same length on the
     * wire, so the lengths tell nothing (and every record costs the full 2^14 + 1 + tag bytes).
     */
    static PaddingPolicy padToMaximum() {
        return (type, contentLength, maxZeros) -> maxZeros;
    }
}
