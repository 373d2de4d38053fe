package org.layeredtls.handshake.intercept;

import java.util.Arrays;

import org.layeredtls.record.ProtocolVersion;

/**
 * One record the peer sent, as it came off the wire, before the record layer has looked at it: the
 * 5-byte header (type, version, length) followed by the fragment, still protected if keys are in
 * use (or, for a server's first record, an SSLv2-compatible ClientHello with its 2-byte header).
 * {@link #bytes()} is a fresh copy; the {@code with...} helpers build changed copies.
 *
 * @param index how many records the peer sent before this one on this connection (0 for the first)
 */
public record IncomingRecord(long index, byte[] bytes) {

    public static final int HEADER_LENGTH = OutgoingRecord.HEADER_LENGTH;

    public IncomingRecord {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The content type byte of the header, as sent (it may name no type: 23 application data, 22 handshake, ...). */
    public int contentType() {
        return bytes[0] & 0xFF;
    }

    /** The protocol version written in the header. */
    public ProtocolVersion version() {
        return new ProtocolVersion(bytes[1] & 0xFF, bytes[2] & 0xFF);
    }

    /** The fragment (protected, if keys are in use). */
    public byte[] fragment() {
        return Arrays.copyOfRange(bytes, Math.min(HEADER_LENGTH, bytes.length), bytes.length);
    }

    /** These bytes with one bit of the fragment flipped ({@code bit} 0 = least significant). */
    public byte[] withFlippedFragmentBit(int fragmentOffset, int bit) {
        byte[] copy = bytes();
        copy[HEADER_LENGTH + fragmentOffset] ^= (byte) (1 << bit);
        return copy;
    }

    /** These bytes with another header (type, version) and the same fragment. */
    public byte[] withHeader(int contentType, ProtocolVersion version) {
        byte[] copy = bytes();
        copy[0] = (byte) contentType;
        copy[1] = (byte) version.major();
        copy[2] = (byte) version.minor();
        return copy;
    }

    @Override
    public String toString() {
        return "IncomingRecord[#" + index + ", type " + contentType() + ", " + bytes.length + " bytes]";
    }
}
