package org.layeredtls.handshake.intercept;

import java.util.Arrays;

import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;

/**
 * One record this side is about to write, as it will appear on the wire: the 5-byte header
 * (type, version, length) followed by the fragment, protected by the current write state.
 * {@link #bytes()} is a fresh copy; the {@code with...} helpers build changed copies.
 *
 * @param type           the record's content type
 * @param sequenceNumber its sequence number under the current write state (RFC 5246 §6.1)
 */
public record OutgoingRecord(ContentType type, long sequenceNumber, byte[] bytes) {

    public static final int HEADER_LENGTH = 5;

    public OutgoingRecord {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The protocol version written in the header. */
    public ProtocolVersion version() {
        return new ProtocolVersion(bytes[1] & 0xFF, bytes[2] & 0xFF);
    }

    /** The fragment (protected, if keys are in use). */
    public byte[] fragment() {
        return Arrays.copyOfRange(bytes, HEADER_LENGTH, bytes.length);
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
        return "OutgoingRecord[" + type + " #" + sequenceNumber + ", " + bytes.length + " bytes]";
    }
}
