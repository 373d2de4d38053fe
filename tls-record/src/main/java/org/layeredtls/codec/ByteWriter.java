package org.layeredtls.codec;

import java.util.Arrays;

/**
 * Writes the TLS presentation language (RFC 5246 §4): big-endian integers and length-prefixed
 * vectors. A vector's length prefix is written when the vector is closed, so nested structures
 * read naturally:
 *
 * <pre>{@code
 * int mark = w.beginVector16();
 * for (var suite : suites) w.u16(suite.code());
 * w.endVector16(mark);
 * }</pre>
 */
public final class ByteWriter {

    private byte[] buffer;
    private int size;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public ByteWriter u8(int value) {
        checkRange(value, 0xFF, "uint8");
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter u16(int value) {
        checkRange(value, 0xFFFF, "uint16");
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter u24(int value) {
        checkRange(value, 0xFFFFFF, "uint24");
        ensure(3);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter u32(long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(value + " does not fit a uint32");
        }
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public ByteWriter u64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public ByteWriter bytes(byte[] value) {
        return bytes(value, 0, value.length);
    }

    public ByteWriter bytes(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** {@code opaque x<0..2^8-1>}: a 1-byte length, then the bytes. */
    public ByteWriter vector8(byte[] value) {
        return u8(value.length).bytes(value);
    }

    /** {@code opaque x<0..2^16-1>}. */
    public ByteWriter vector16(byte[] value) {
        return u16(value.length).bytes(value);
    }

    /** {@code opaque x<0..2^24-1>}. */
    public ByteWriter vector24(byte[] value) {
        return u24(value.length).bytes(value);
    }

    /** Reserves a 1-byte length; returns the mark to pass to {@link #endVector8}. */
    public int beginVector8() {
        return begin(1);
    }

    public int beginVector16() {
        return begin(2);
    }

    public int beginVector24() {
        return begin(3);
    }

    public ByteWriter endVector8(int mark) {
        return end(mark, 1, 0xFF);
    }

    public ByteWriter endVector16(int mark) {
        return end(mark, 2, 0xFFFF);
    }

    public ByteWriter endVector24(int mark) {
        return end(mark, 3, 0xFFFFFF);
    }

    /** How many bytes have been written. */
    public int size() {
        return size;
    }

    /** A copy of what has been written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private int begin(int prefixLength) {
        ensure(prefixLength);
        int mark = size;
        size += prefixLength;
        return mark;
    }

    private ByteWriter end(int mark, int prefixLength, int max) {
        int length = size - mark - prefixLength;
        if (length > max) {
            throw new IllegalStateException("vector of " + length + " bytes does not fit a " + prefixLength + "-byte length");
        }
        for (int i = 0; i < prefixLength; i++) {
            buffer[mark + i] = (byte) (length >>> (8 * (prefixLength - 1 - i)));
        }
        return this;
    }

    private static void checkRange(int value, int max, String type) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(value + " does not fit a " + type);
        }
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
