package org.layeredtls.record;

import org.layeredtls.alert.TlsAlertException;

/**
 * The compression state of one direction (RFC 5246 §6.2.2): TLSPlaintext to TLSCompressed when
 * writing, back when reading. A DEFLATE state keeps its history across records.
 */
public interface Compression {

    CompressionMethod method();

    /**
     * Compresses one fragment into {@code out} (which has room for
     * {@code length + RecordLimits.MAX_COMPRESSION_EXPANSION} bytes).
     *
     * @return the compressed length
     */
    int compress(byte[] in, int inOff, int length, byte[] out, int outOff);

    /**
     * Decompresses one fragment into {@code out}, which has room for {@code maxLength} bytes.
     *
     * @return the decompressed length
     * @throws TlsAlertException {@code decompression_failure} if the fragment does not decompress
     *         or would decompress to more than {@code maxLength} bytes
     */
    int decompress(byte[] in, int inOff, int length, byte[] out, int outOff, int maxLength) throws TlsAlertException;

    /** Releases native resources (zlib streams). */
    default void release() {
    }
}
