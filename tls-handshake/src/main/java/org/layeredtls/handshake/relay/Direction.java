package org.layeredtls.handshake.relay;

/** Which way a record travels through the relay. */
public enum Direction {
    CLIENT_TO_SERVER("client -> server"),
    SERVER_TO_CLIENT("server -> client");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** "client -> server": how the trace names the direction. */
    public String label() {
        return label;
    }

    /** Whether the client wrote this record. */
    public boolean fromClient() {
        return this == CLIENT_TO_SERVER;
    }
}
