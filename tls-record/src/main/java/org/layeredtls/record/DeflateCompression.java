package org.layeredtls.record;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * CompressionMethod.DEFLATE (RFC 3749 §2.1): one zlib stream (RFC 1950 framing around RFC 1951
 * DEFLATE) per direction, living across records so that each record can refer to the history of
 * the ones before it. Each record is ended with a sync flush, so the receiver can decompress every
 * record as soon as it arrives: the stream is never finished while the connection lives.
 * This is what OpenSSL's zlib method did.
 */
final class DeflateCompression {

    private DeflateCompression() {
    }

    /** The writing side: a {@link Deflater} flushed with SYNC_FLUSH at the end of every record. */
    static final class Compressor implements Compression {
        private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);

        @Override
        public CompressionMethod method() {
            return CompressionMethod.DEFLATE;
        }

        @Override
        public int compress(byte[] in, int inOff, int length, byte[] out, int outOff) {
            deflater.setInput(in, inOff, length);
            int capacity = length + RecordLimits.MAX_COMPRESSION_EXPANSION;
            // A sync flush emits everything buffered and ends the record on a byte boundary
            // (the empty stored block 00 00 FF FF), so the peer can decompress it at once.
            int written = deflater.deflate(out, outOff, capacity, Deflater.SYNC_FLUSH);
            if (written == capacity) {
                // RFC 5246 §6.2.2: compression must not grow a fragment by more than 1024 bytes;
                // zlib stays far below that for fragments of at most 2^14 bytes.
                throw new IllegalStateException("DEFLATE expanded a " + length + "-byte fragment by 1024 bytes or more");
            }
            return written;
        }

        @Override
        public int decompress(byte[] in, int inOff, int length, byte[] out, int outOff, int maxLength) {
            throw new IllegalStateException("a compressor does not decompress");
        }

        @Override
        public void release() {
            deflater.end();
        }
    }

    /** The reading side: an {@link Inflater} fed one record at a time. */
    static final class Decompressor implements Compression {
        private final Inflater inflater = new Inflater(false);

        @Override
        public CompressionMethod method() {
            return CompressionMethod.DEFLATE;
        }

        @Override
        public int compress(byte[] in, int inOff, int length, byte[] out, int outOff) {
            throw new IllegalStateException("a decompressor does not compress");
        }

        @Override
        public int decompress(byte[] in, int inOff, int length, byte[] out, int outOff, int maxLength)
                throws TlsAlertException {
            inflater.setInput(in, inOff, length);
            int written = 0;
            try {
                while (true) {
                    // Room for one byte more than allowed: if it gets used, the record is too big.
                    int n = inflater.inflate(out, outOff + written, maxLength + 1 - written);
                    written += n;
                    if (written > maxLength) {
                        // RFC 5246 §6.2.2: more than 2^14 bytes is a fatal decompression failure.
                        throw failure("the record decompresses to more than " + maxLength + " bytes");
                    }
                    if (inflater.finished()) {
                        // RFC 3749: one stream per connection state; it never ends while the state lives.
                        throw failure("the DEFLATE stream ended inside the connection");
                    }
                    if (inflater.needsDictionary()) {
                        throw failure("the DEFLATE stream asks for a preset dictionary");
                    }
                    if (n == 0 && inflater.needsInput()) {
                        break; // the whole record is consumed
                    }
                }
            } catch (DataFormatException e) {
                throw failure("the record is not valid DEFLATE data: " + e.getMessage());
            }
            return written;
        }

        private static TlsAlertException failure(String reason) {
            // RFC 5246 §7.2.2: decompression_failure, "The decompression function received improper input".
            return new TlsAlertException(AlertDescription.DECOMPRESSION_FAILURE, TlsLayer.RECORD, reason);
        }

        @Override
        public void release() {
            inflater.end();
        }
    }
}
