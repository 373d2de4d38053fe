package org.layeredtls.handshake.prf;

import org.layeredtls.record.TrafficKeys;

/**
 * The key block cut into the keys of each direction (RFC 5246 §6.3): what the client writes with
 * (and the server reads with), and what the server writes with (and the client reads with).
 */
public record KeyBlock(TrafficKeys clientWrite, TrafficKeys serverWrite) {

    /** Overwrites both directions' secrets with zeros. */
    public void wipe() {
        clientWrite.wipe();
        serverWrite.wipe();
    }
}
