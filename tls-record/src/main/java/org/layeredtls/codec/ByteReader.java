package org.layeredtls.codec;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

/**
 * Reads the TLS presentation language (RFC 5246 §4) from a byte array: big-endian integers of
 * 1, 2, 3, 4 and 8 bytes, and vectors with a 1-, 2- or 3-byte length prefix. Every read is
 * bounds-checked; running off the end, or a vector length outside its bounds, is
 * {@code decode_error} from the layer that owns the reader.
 *
 * <p>A reader never copies the underlying array except where a method returns a {@code byte[]}.
 */
public final class ByteReader {

    private final byte[] data;
    private final int limit;
    private final TlsLayer layer;
    private int position;

    /** A reader over all of {@code data}, whose errors are reported as coming from {@code layer}. */
    public ByteReader(byte[] data, TlsLayer layer) {
        this(data, 0, data.length, layer);
    }

    /** A reader over {@code data[offset .. offset+length)}. */
    public ByteReader(byte[] data, int offset, int length, TlsLayer layer) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
        this.layer = layer;
    }

    /** How many bytes are left. */
    public int remaining() {
        return limit - position;
    }

    /** Whether every byte has been read. */
    public boolean isEmpty() {
        return position == limit;
    }

    /** The layer this reader reports errors for. */
    public TlsLayer layer() {
        return layer;
    }

    public int u8() throws TlsAlertException {
        need(1, "uint8");
        return data[position++] & 0xFF;
    }

    public int u16() throws TlsAlertException {
        need(2, "uint16");
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    public int u24() throws TlsAlertException {
        need(3, "uint24");
        int value = ((data[position] & 0xFF) << 16) | ((data[position + 1] & 0xFF) << 8) | (data[position + 2] & 0xFF);
        position += 3;
        return value;
    }

    public long u32() throws TlsAlertException {
        need(4, "uint32");
        long value = ((long) (data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    public long u64() throws TlsAlertException {
        long high = u32();
        long low = u32();
        return (high << 32) | low;
    }

    /** The next {@code count} bytes, copied. */
    public byte[] bytes(int count) throws TlsAlertException {
        if (count < 0) {
            throw error("negative length " + count);
        }
        need(count, count + " bytes");
        byte[] copy = new byte[count];
        System.arraycopy(data, position, copy, 0, count);
        position += count;
        return copy;
    }

    /** Everything that is left, copied. */
    public byte[] rest() throws TlsAlertException {
        return bytes(remaining());
    }

    /** {@code opaque x<0..2^8-1>}. */
    public byte[] vector8() throws TlsAlertException {
        return bytes(u8());
    }

    /** {@code opaque x<0..2^16-1>}. */
    public byte[] vector16() throws TlsAlertException {
        return bytes(u16());
    }

    /** {@code opaque x<0..2^24-1>}. */
    public byte[] vector24() throws TlsAlertException {
        return bytes(u24());
    }

    /**
     * A vector with a 1-byte length whose length must lie in {@code [min, max]}
     * (the RFC's {@code <min..max>} notation).
     */
    public byte[] vector8(int min, int max) throws TlsAlertException {
        return bounded(u8(), min, max);
    }

    /** A vector with a 2-byte length in {@code [min, max]}. */
    public byte[] vector16(int min, int max) throws TlsAlertException {
        return bounded(u16(), min, max);
    }

    /** A vector with a 3-byte length in {@code [min, max]}. */
    public byte[] vector24(int min, int max) throws TlsAlertException {
        return bounded(u24(), min, max);
    }

    /** A reader over the next vector with a 1-byte length, for vectors of structures; this reader skips past it. */
    public ByteReader sub8() throws TlsAlertException {
        return sub(u8());
    }

    /** A reader over the next vector with a 2-byte length. */
    public ByteReader sub16() throws TlsAlertException {
        return sub(u16());
    }

    /** A reader over the next vector with a 3-byte length. */
    public ByteReader sub24() throws TlsAlertException {
        return sub(u24());
    }

    /** A reader over the next {@code length} bytes; this reader skips past them. */
    public ByteReader sub(int length) throws TlsAlertException {
        need(length, "a vector of " + length + " bytes");
        ByteReader sub = new ByteReader(data, position, length, layer);
        position += length;
        return sub;
    }

    /**
     * Requires that everything has been read: a structure followed by trailing bytes is
     * {@code decode_error} (RFC 5246 §7.4: a message must be exactly its declared length).
     */
    public void expectEnd(String what) throws TlsAlertException {
        if (!isEmpty()) {
            throw error(remaining() + " unexpected bytes after " + what);
        }
    }

    /** A {@code decode_error} from this reader's layer. */
    public TlsAlertException error(String reason) {
        return new TlsAlertException(AlertDescription.DECODE_ERROR, layer, reason);
    }

    private byte[] bounded(int length, int min, int max) throws TlsAlertException {
        if (length < min || length > max) {
            throw error("vector length " + length + " outside <" + min + ".." + max + ">");
        }
        return bytes(length);
    }

    private void need(int count, String what) throws TlsAlertException {
        if (count > limit - position) {
            throw error("needed " + what + " but only " + (limit - position) + " bytes are left");
        }
    }
}
