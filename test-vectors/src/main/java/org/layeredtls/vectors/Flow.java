package org.layeredtls.vectors;

import java.util.Arrays;

/**
 * One chunk of bytes that crossed the recording relay in one direction, as one read returned it.
 * The chunk boundaries are TCP's, not TLS's: a chunk may hold several records or part of one.
 *
 * @param direction which way the bytes went
 * @param bytes     the bytes, exactly as they crossed
 */
public record Flow(Direction direction, byte[] bytes) {

    /** Which way a chunk went. */
    public enum Direction {
        /** From the TLS client to the TLS server; written {@code c2s} in the file. */
        CLIENT_TO_SERVER("c2s"),
        /** From the TLS server to the TLS client; written {@code s2c} in the file. */
        SERVER_TO_CLIENT("s2c");

        private final String key;

        Direction(String key) {
            this.key = key;
        }

        /** The key that introduces a flow of this direction in a conversation file. */
        public String key() {
            return key;
        }
    }

    public Flow {
        if (direction == null) {
            throw new IllegalArgumentException("a flow needs a direction");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a flow holds at least one byte");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** How many bytes the chunk holds. */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Flow that && direction == that.direction && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return direction.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return direction.key() + " " + bytes.length + " bytes";
    }
}
